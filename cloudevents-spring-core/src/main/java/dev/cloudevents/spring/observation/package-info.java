/**
 * Micrometer observations of CloudEvents sent and received ({@code cloudevents.send},
 * {@code cloudevents.receive}), their conventions and the distributed-tracing extension.
 */
@NullMarked
package dev.cloudevents.spring.observation;

import org.jspecify.annotations.NullMarked;
