package dev.cloudevents.spring.kafka.listener;

import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;

/**
 * A record listener's message, converted from its record by Spring Kafka's message
 * converter only when something asks for its payload or headers: the event is read from
 * the record itself, so a method that takes only the event costs no header mapping.
 */
final class DeferredRecordMessage implements Message<Object> {

	private final ConsumerRecord<?, ?> record;

	private final Supplier<Message<?>> conversion;

	// volatile: a listener that completes asynchronously has its reply or error handled
	// on
	// another thread; two threads converting at once would each get an equal message
	private volatile @Nullable Message<?> message;

	DeferredRecordMessage(ConsumerRecord<?, ?> record, Supplier<Message<?>> conversion) {
		this.record = record;
		this.conversion = conversion;
	}

	ConsumerRecord<?, ?> record() {
		return this.record;
	}

	private Message<?> message() {
		Message<?> message = this.message;
		if (message == null) {
			message = this.conversion.get();
			this.message = message;
		}
		return message;
	}

	@Override
	public Object getPayload() {
		return message().getPayload();
	}

	@Override
	public MessageHeaders getHeaders() {
		return message().getHeaders();
	}

	@Override
	public String toString() {
		return message().toString();
	}

}
