/**
 * Annotations for the handler methods that receive CloudEvents.
 */
@NullMarked
package dev.cloudevents.spring.annotation;

import org.jspecify.annotations.NullMarked;
