package dev.cloudevents.spring.sample;

/**
 * Where a Kafka record is: its topic, partition and offset.
 *
 * @param topic the topic
 * @param partition the partition
 * @param offset the offset within the partition
 */
public record KafkaPosition(String topic, int partition, long offset) {

}
