/**
 * Spring Kafka listener support: {@code @KafkaListener} methods that take CloudEvents,
 * and the handling of records that are no valid CloudEvent.
 */
@NullMarked
package dev.cloudevents.spring.kafka.listener;

import org.jspecify.annotations.NullMarked;
