package dev.cloudevents.spring.kafka.listener;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import dev.cloudevents.spring.CloudEvent;

/**
 * A listener's message as Spring Kafka built it, with the event already read from it: the
 * argument resolver hands that event to every parameter instead of reading the record
 * again, and the method's other parameters see the message unchanged.
 */
final class DecodedEventMessage implements Message<Object> {

	private final Message<?> message;

	private final CloudEvent event;

	DecodedEventMessage(Message<?> message, CloudEvent event) {
		this.message = message;
		this.event = event;
	}

	CloudEvent event() {
		return this.event;
	}

	@Override
	public Object getPayload() {
		return this.message.getPayload();
	}

	@Override
	public MessageHeaders getHeaders() {
		return this.message.getHeaders();
	}

	@Override
	public String toString() {
		return this.message.toString();
	}

}
