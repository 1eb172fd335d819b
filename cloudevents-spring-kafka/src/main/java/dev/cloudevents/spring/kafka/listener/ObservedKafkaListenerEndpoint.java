package dev.cloudevents.spring.kafka.listener;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.adapter.HandlerAdapter;
import org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter;

/**
 * The endpoint of a {@code @KafkaListener} method that takes events: with an observation
 * registry, a record listener's invocations are observed; otherwise it is Spring Kafka's
 * endpoint unchanged.
 */
final class ObservedKafkaListenerEndpoint<K, V> extends MethodKafkaListenerEndpoint<K, V> {

	private final Supplier<@Nullable ListenerSupport> support;

	ObservedKafkaListenerEndpoint(Supplier<@Nullable ListenerSupport> support) {
		this.support = support;
	}

	@Override
	protected HandlerAdapter configureListenerAdapter(MessagingMessageListenerAdapter<K, V> messageListener) {
		ListenerSupport support = this.support.get();
		if (support == null || support.observationRegistry().isNoop() || isBatchListener()) {
			return super.configureListenerAdapter(messageListener);
		}
		return CloudEventHandlerAdapter.observed(Objects.requireNonNull(getMessageHandlerMethodFactory())
			.createInvocableHandlerMethod(getBean(), getMethod()), support);
	}

}
