/**
 * End-to-end load and fault runs of CloudEvents over Kafka through Spring Kafka's
 * embedded KRaft broker (see BENCHMARKS.md and RELIABILITY.md).
 */
@NullMarked
package dev.cloudevents.spring.benchmarks.kafka;

import org.jspecify.annotations.NullMarked;
