package dev.cloudevents.spring.kafka.listener;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

import dev.cloudevents.spring.CloudEvent;

/**
 * A listener's message as Spring Kafka built it, with the event (or a batch listener's
 * events) already read from it: the argument resolver hands them to every parameter
 * instead of reading the records again, and the method's other parameters see the message
 * unchanged.
 */
final class DecodedEventMessage implements Message<Object> {

	private final Message<?> message;

	private final @Nullable CloudEvent event;

	private final @Nullable List<CloudEvent> batch;

	DecodedEventMessage(Message<?> message, CloudEvent event) {
		this.message = message;
		this.event = event;
		this.batch = null;
	}

	DecodedEventMessage(Message<?> message, List<CloudEvent> batch) {
		this.message = message;
		this.event = null;
		this.batch = batch;
	}

	@Nullable CloudEvent event() {
		return this.event;
	}

	@Nullable List<CloudEvent> batch() {
		return this.batch;
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
