package dev.cloudevents.spring.kafka.listener;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.adapter.HandlerAdapter;
import org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter;
import org.springframework.kafka.support.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import dev.cloudevents.spring.CloudEvent;

/**
 * The endpoint of a {@code @KafkaListener} method that takes events: a record listener
 * reads the event from the record and converts the record to a message only when the
 * method needs one ({@link DeferredRecordMessageConverter}); a batch listener taking a
 * {@code List<CloudEvent>} takes the events before an invalid record before the error
 * handler hears of it; and with an observation registry, invocations are observed.
 */
final class ObservedKafkaListenerEndpoint<K, V> extends MethodKafkaListenerEndpoint<K, V> {

	private final Supplier<@Nullable ListenerSupport> support;

	private @Nullable SmartMessageConverter messagingConverter;

	ObservedKafkaListenerEndpoint(Supplier<@Nullable ListenerSupport> support) {
		this.support = support;
	}

	@Override
	public void setMessagingConverter(SmartMessageConverter messagingConverter) {
		super.setMessagingConverter(messagingConverter);
		this.messagingConverter = messagingConverter;
	}

	@Override
	protected MessagingMessageListenerAdapter<K, V> createMessageListenerInstance(
			@Nullable MessageConverter messageConverter) {
		MessagingMessageListenerAdapter<K, V> listener = super.createMessageListenerInstance(messageConverter);
		if (!isBatchListener() && !isShareConsumer()) {
			DeferredRecordMessageConverter.defer(listener, messageConverter, this.messagingConverter);
		}
		return listener;
	}

	@Override
	protected HandlerAdapter configureListenerAdapter(MessagingMessageListenerAdapter<K, V> messageListener) {
		ListenerSupport support = this.support.get();
		MethodParameter events = isBatchListener() ? eventList() : null;
		// a batch listener taking events is always wrapped, so that it takes the events
		// before an invalid record before the error handler commits them
		if (support == null || (isBatchListener() ? events == null : support.observationRegistry().isNoop())) {
			return super.configureListenerAdapter(messageListener);
		}
		InvocableHandlerMethod handler = Objects.requireNonNull(getMessageHandlerMethodFactory())
			.createInvocableHandlerMethod(getBean(), getMethod());
		return (events != null) ? CloudEventHandlerAdapter.observedBatch(handler, events, support)
				: CloudEventHandlerAdapter.observed(handler, support);
	}

	private @Nullable MethodParameter eventList() {
		for (int i = 0; i < getMethod().getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(getMethod(), i);
			if (parameter.getParameterType() == List.class
					&& ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == CloudEvent.class) {
				return parameter;
			}
		}
		return null;
	}

}
