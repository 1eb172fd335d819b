package dev.cloudevents.spring.kafka.listener;

import java.lang.reflect.Type;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter;
import org.springframework.kafka.support.converter.MessageConverter;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.SmartMessageConverter;

/**
 * The record message converter of a listener method that takes events: it hands the
 * method a {@link DeferredRecordMessage}, so that the converter the listener would use
 * otherwise, with its header mapper, runs only for the parameters, reply or error handler
 * that need the message.
 */
final class DeferredRecordMessageConverter implements RecordMessageConverter {

	private final RecordMessageConverter converter;

	private DeferredRecordMessageConverter(RecordMessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * Defer the conversion of a record listener's messages.
	 * @param listener the record listener an endpoint created
	 * @param messageConverter the converter the endpoint gave it, if any
	 * @param messagingConverter the endpoint's messaging converter, if any
	 */
	static void defer(MessagingMessageListenerAdapter<?, ?> listener, @Nullable MessageConverter messageConverter,
			@Nullable SmartMessageConverter messagingConverter) {
		// the converter the listener would have: the container factory's, or Spring
		// Kafka's default with the endpoint's messaging converter
		RecordMessageConverter converter;
		if (messageConverter instanceof RecordMessageConverter recordMessageConverter) {
			converter = recordMessageConverter;
		}
		else {
			MessagingMessageConverter defaultConverter = new MessagingMessageConverter();
			defaultConverter.setMessagingConverter(messagingConverter);
			converter = defaultConverter;
		}
		listener.setMessageConverter(new DeferredRecordMessageConverter(converter));
	}

	@Override
	public Message<?> toMessage(ConsumerRecord<?, ?> record, @Nullable Object acknowledgment, @Nullable Object consumer,
			@Nullable Type payloadType) {
		return new DeferredRecordMessage(record,
				() -> this.converter.toMessage(record, acknowledgment, consumer, payloadType));
	}

	@Override
	public ProducerRecord<?, ?> fromMessage(Message<?> message, @Nullable String defaultTopic) {
		return this.converter.fromMessage(message, defaultTopic);
	}

}
