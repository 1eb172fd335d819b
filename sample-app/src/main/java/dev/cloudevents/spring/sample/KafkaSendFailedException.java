package dev.cloudevents.spring.sample;

/**
 * Thrown when a Kafka topic that {@code POST /api/send} sent to did not acknowledge the
 * record.
 */
class KafkaSendFailedException extends RuntimeException {

	private final String topic;

	KafkaSendFailedException(String topic, Throwable cause) {
		super(cause.getMessage(), cause);
		this.topic = topic;
	}

	String getTopic() {
		return this.topic;
	}

}
