package dev.cloudevents.spring.kafka.listener;

import java.util.List;

import dev.cloudevents.spring.support.EventLogging;

/**
 * Thrown when no {@link dev.cloudevents.spring.annotation.CloudEventMapping
 * &#64;CloudEventMapping} method of a {@code @KafkaListener} class takes a record's event
 * and the class has no {@code @KafkaHandler(isDefault = true)} method.
 * <p>
 * It is a {@link NoSuchMethodException}, which Spring Kafka's error handlers classify as
 * not retryable: another delivery would find no method either, so the record goes to the
 * recoverer at once (a {@code DeadLetterPublishingRecoverer} publishes it unchanged,
 * {@link CloudEventLoggingRecoverer} logs it at WARN) and the partition moves on.
 *
 * @since 0.1.0
 */
public class UnroutedCloudEventException extends NoSuchMethodException {

	private final String eventType;

	private final List<String> acceptedTypes;

	/**
	 * Create an exception.
	 * @param listener the listener class, for the message
	 * @param eventType the type of the event
	 * @param acceptedTypes the types the listener's methods take
	 */
	public UnroutedCloudEventException(String listener, String eventType, List<String> acceptedTypes) {
		// the type is the sender's text, escaped as for a log line
		super("No @CloudEventMapping method of " + listener + " takes the CloudEvent type '"
				+ EventLogging.escape(eventType) + "' (it takes " + String.join(", ", acceptedTypes)
				+ "), and it has no @KafkaHandler(isDefault = true) method");
		this.eventType = eventType;
		this.acceptedTypes = List.copyOf(acceptedTypes);
	}

	/**
	 * Return the type of the event that no method takes.
	 * @return the event type
	 */
	public String getEventType() {
		return this.eventType;
	}

	/**
	 * Return the types the listener's methods take, prefixes with their {@code *}.
	 * @return the types, in alphabetical order
	 */
	public List<String> getAcceptedTypes() {
		return this.acceptedTypes;
	}

}
