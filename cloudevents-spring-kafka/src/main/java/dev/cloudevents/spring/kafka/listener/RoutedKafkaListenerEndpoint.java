package dev.cloudevents.spring.kafka.listener;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.kafka.config.MultiMethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.adapter.HandlerAdapter;
import org.springframework.kafka.listener.adapter.MessagingMessageListenerAdapter;
import org.springframework.kafka.support.converter.MessageConverter;
import org.springframework.messaging.converter.SmartMessageConverter;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import dev.cloudevents.spring.support.CloudEventMappingInfo;

/**
 * The endpoint of a class-level {@code @KafkaListener} whose {@code @KafkaHandler}
 * methods route events by type: each record's event is read once, from the record, and
 * handed to the method its type selects, instead of the method its payload class selects.
 */
final class RoutedKafkaListenerEndpoint<K, V> extends MultiMethodKafkaListenerEndpoint<K, V> {

	private final Map<Method, CloudEventMappingInfo> mappings;

	private final Supplier<@Nullable ListenerSupport> support;

	private @Nullable SmartMessageConverter messagingConverter;

	RoutedKafkaListenerEndpoint(List<Method> methods, @Nullable Method defaultMethod, Object bean,
			Map<Method, CloudEventMappingInfo> mappings, Supplier<@Nullable ListenerSupport> support) {
		super(methods, defaultMethod, bean);
		this.mappings = mappings;
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
		// a batch listener fails in configureListenerAdapter
		if (!isBatchListener() && !isShareConsumer()) {
			DeferredRecordMessageConverter.defer(listener, messageConverter, this.messagingConverter);
		}
		return listener;
	}

	@Override
	protected HandlerAdapter configureListenerAdapter(MessagingMessageListenerAdapter<K, V> messageListener) {
		Class<?> listenerClass = AopUtils.getTargetClass(getBean());
		if (isBatchListener()) {
			throw new IllegalStateException("The @KafkaListener class " + listenerClass.getName()
					+ " is a batch listener, and batches are not routed event by event: take them with a "
					+ "List<CloudEvent> method and no @CloudEventMapping, or make the listener a record listener");
		}
		ListenerSupport support = this.support.get();
		if (support == null) {
			throw new IllegalStateException("The @KafkaListener class " + listenerClass.getName()
					+ " routes CloudEvents by type, which needs a CloudEventKafkaListenerConfigurer bean "
					+ "(the CloudEvents starter declares one)");
		}
		MessageHandlerMethodFactory factory = Objects.requireNonNull(getMessageHandlerMethodFactory());
		Map<Method, InvocableHandlerMethod> handlers = new HashMap<>();
		for (Method method : getMethods()) {
			handlers.put(method, factory.createInvocableHandlerMethod(getBean(), method));
		}
		return CloudEventHandlerAdapter
			.routed(EventTypeRoutes.of(listenerClass, handlers, this.mappings, getDefaultMethod()), support);
	}

}
