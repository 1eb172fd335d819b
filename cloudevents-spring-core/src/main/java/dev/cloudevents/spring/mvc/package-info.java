/**
 * Spring MVC support: {@code CloudEvent}, {@code List<CloudEvent>} and
 * {@code @CloudEventData} handler method parameters, reply events and problem responses.
 */
@NullMarked
package dev.cloudevents.spring.mvc;

import org.jspecify.annotations.NullMarked;
