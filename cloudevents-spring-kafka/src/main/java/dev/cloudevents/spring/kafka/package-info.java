/**
 * The CloudEvents Kafka protocol binding, its Kafka serializer and deserializer, and
 * Spring Kafka support: {@code @KafkaListener} arguments and
 * {@link dev.cloudevents.spring.kafka.KafkaCloudEventTemplate}.
 */
@NullMarked
package dev.cloudevents.spring.kafka;

import org.jspecify.annotations.NullMarked;
