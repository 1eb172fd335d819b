/**
 * Spring WebFlux support: {@code CloudEvent}, {@code Mono}, {@code Flux}, {@code List}
 * and {@code @CloudEventData} handler method parameters and problem responses.
 */
@NullMarked
package dev.cloudevents.spring.webflux;

import org.jspecify.annotations.NullMarked;
