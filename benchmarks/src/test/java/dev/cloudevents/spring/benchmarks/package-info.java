/**
 * JMH benchmarks of our JSON format and HTTP binding against the reference Java SDK.
 */
@NullMarked
package dev.cloudevents.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
