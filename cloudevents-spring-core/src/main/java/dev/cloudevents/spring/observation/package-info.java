/**
 * Micrometer observations of CloudEvents sent and received ({@code cloudevents.send},
 * {@code cloudevents.receive}), their conventions, the distributed-tracing extension and
 * the library's logging of events.
 */
@NullMarked
package dev.cloudevents.spring.observation;

import org.jspecify.annotations.NullMarked;
