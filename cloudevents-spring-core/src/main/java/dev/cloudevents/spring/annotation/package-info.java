/**
 * Annotations that users put on their handler methods and parameters.
 */
@NullMarked
package dev.cloudevents.spring.annotation;

import org.jspecify.annotations.NullMarked;
