package dev.cloudevents.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.cloudevents.spring.ContentMode;

/**
 * Configuration properties of CloudEvents over Kafka.
 */
@ConfigurationProperties("cloudevents.kafka")
public class CloudEventsKafkaProperties {

	/**
	 * Content mode of the events KafkaCloudEventTemplate sends when a send names none.
	 */
	private ContentMode contentMode = ContentMode.BINARY;

	/**
	 * Default topic of KafkaCloudEventTemplate, for sends that name none.
	 */
	private @Nullable String topic;

	/**
	 * Whether the partitionkey extension becomes the record key of sends that give no
	 * key.
	 */
	private boolean partitionKeyMapping;

	public ContentMode getContentMode() {
		return this.contentMode;
	}

	public void setContentMode(ContentMode contentMode) {
		this.contentMode = contentMode;
	}

	public @Nullable String getTopic() {
		return this.topic;
	}

	public void setTopic(@Nullable String topic) {
		this.topic = topic;
	}

	public boolean isPartitionKeyMapping() {
		return this.partitionKeyMapping;
	}

	public void setPartitionKeyMapping(boolean partitionKeyMapping) {
		this.partitionKeyMapping = partitionKeyMapping;
	}

}
