/**
 * The code of the README's testing examples with cloudevents-spring-test.
 */
@NullMarked
package dev.cloudevents.spring.readme;

import org.jspecify.annotations.NullMarked;
