package dev.cloudevents.spring.kafka.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.config.MultiMethodKafkaListenerEndpoint;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.support.CloudEventMappingInfo;

/**
 * Spring Kafka's {@code @KafkaListener} processor, extended for CloudEvents: it routes
 * the events of a class-level {@code @KafkaListener} to its {@code @KafkaHandler} methods
 * by {@link CloudEventMapping @CloudEventMapping}, and, with an observation registry on
 * the {@link CloudEventKafkaListenerConfigurer}, observes each event handed to a listener
 * method as {@code cloudevents.receive}. <pre class="code">
 * &#64;KafkaListener(topics = "orders", groupId = "orders")
 * class OrderEvents {
 *
 *     &#64;KafkaHandler
 *     &#64;CloudEventMapping(type = "com.example.order.created")
 *     void created(&#64;CloudEventData Order order) { ... }
 *
 *     &#64;KafkaHandler
 *     &#64;CloudEventMapping(type = "com.example.order.*")
 *     void otherOrderEvents(CloudEvent event) { ... }
 *
 *     &#64;KafkaHandler(isDefault = true)
 *     void other(CloudEvent event) { ... }
 *
 * }
 * </pre>
 * <p>
 * Each record's event is read once and handed to the most specific mapped method, by the
 * rules of {@code @CloudEventMapping}; an event no mapping matches goes to the
 * {@code @KafkaHandler(isDefault = true)} method, and without one fails with an
 * {@link UnroutedCloudEventException}, which the container's error handler does not
 * retry. A class whose handlers route by type fails the start-up if two mappings could
 * match one event equally (naming both methods), if one of its {@code @KafkaHandler}
 * methods has neither a mapping nor {@code isDefault}, if a {@code @CloudEventMapping}
 * method lacks {@code @KafkaHandler}, or if it is a batch listener. Classes without
 * mappings keep Spring Kafka's routing by payload class.
 * <p>
 * It must be registered under the bean name
 * {@value KafkaListenerConfigUtils#KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME}, before
 * {@code @EnableKafka} registers Spring Kafka's own: the CloudEvents starter does so.
 * Otherwise, declare it in a static {@code @Bean} method of that name on the
 * {@code @EnableKafka} configuration class. If another processor runs the listeners,
 * {@link CloudEventKafkaListenerConfigurer} fails the start-up rather than let the
 * mappings be ignored, as this processor does for a routed class it cannot route (one
 * with {@code @RetryableTopic}).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @since 0.1.0
 */
public class CloudEventKafkaListenerAnnotationBeanPostProcessor<K, V>
		extends KafkaListenerAnnotationBeanPostProcessor<K, V> {

	private @Nullable BeanFactory beanFactory;

	private final Set<Class<?>> routedClasses = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ListenerSupport support;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		super.setBeanFactory(beanFactory);
		this.beanFactory = beanFactory;
	}

	@Override
	protected void processListener(MethodKafkaListenerEndpoint<?, ?> endpoint, KafkaListener kafkaListener, Object bean,
			String beanName, String[] topics, TopicPartitionOffset[] tps) {
		super.processListener(adapt(endpoint, bean), kafkaListener, bean, beanName, topics, tps);
	}

	private MethodKafkaListenerEndpoint<?, ?> adapt(MethodKafkaListenerEndpoint<?, ?> endpoint, Object bean) {
		if (endpoint instanceof MultiMethodKafkaListenerEndpoint<?, ?> multi) {
			Class<?> listenerClass = AopUtils.getTargetClass(bean);
			Map<Method, CloudEventMappingInfo> mappings = EventTypeRoutes.mappings(bean, listenerClass,
					multi.getMethods(), multi.getDefaultMethod());
			if (mappings.isEmpty()) {
				return endpoint;
			}
			this.routedClasses.add(listenerClass);
			RoutedKafkaListenerEndpoint<K, V> routed = new RoutedKafkaListenerEndpoint<>(multi.getMethods(),
					multi.getDefaultMethod(), bean, mappings, this::support);
			routed.setId(endpoint.getId());
			return routed;
		}
		Method method = endpoint.getMethod();
		if (method == null) {
			return endpoint;
		}
		if (AnnotatedElementUtils.hasAnnotation(method, CloudEventMapping.class)) {
			throw new IllegalStateException("@CloudEventMapping on " + method.toGenericString()
					+ " takes effect only on a @KafkaHandler method of a class annotated with @KafkaListener: "
					+ "move @KafkaListener to the class and annotate its methods with @KafkaHandler");
		}
		if (!takesEvents(method)) {
			return endpoint;
		}
		ObservedKafkaListenerEndpoint<K, V> observed = new ObservedKafkaListenerEndpoint<>(this::support);
		observed.setId(endpoint.getId());
		observed.setBean(bean);
		observed.setMethod(method);
		return observed;
	}

	private static boolean takesEvents(Method method) {
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			Class<?> type = parameter.getParameterType();
			if (type == CloudEvent.class || parameter.hasParameterAnnotation(CloudEventData.class)
					|| (type == List.class && ResolvableType.forMethodParameter(parameter)
						.getGeneric(0)
						.resolve() == CloudEvent.class)) {
				return true;
			}
		}
		return false;
	}

	private @Nullable ListenerSupport support() {
		ListenerSupport support = this.support;
		if (support == null && this.beanFactory != null) {
			CloudEventKafkaListenerConfigurer configurer = this.beanFactory
				.getBeanProvider(CloudEventKafkaListenerConfigurer.class)
				.getIfUnique();
			if (configurer != null) {
				support = configurer.support();
				this.support = support;
			}
		}
		return support;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.beanFactory instanceof ListableBeanFactory beans) {
			List<String> unrouted = routedListenerClasses(beans);
			unrouted.removeIf((name) -> this.routedClasses.stream().anyMatch((type) -> type.getName().equals(name)));
			if (!unrouted.isEmpty()) {
				throw new IllegalStateException("The @CloudEventMapping methods of " + String.join(", ", unrouted)
						+ " cannot route CloudEvents: Spring Kafka registers the listeners of a class with "
						+ "@RetryableTopic without this processor; route the events in a listener without it");
			}
		}
		super.afterSingletonsInstantiated();
	}

	/**
	 * Return the names of the class-level listeners whose handlers route by type.
	 */
	static List<String> routedListenerClasses(ListableBeanFactory beans) {
		List<String> names = new ArrayList<>();
		for (String beanName : beans.getBeanNamesForAnnotation(KafkaListener.class)) {
			Class<?> type = beans.getType(beanName, false);
			if (type != null && AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(type), KafkaListener.class)
					&& hasMappedHandler(ClassUtils.getUserClass(type))) {
				names.add(ClassUtils.getUserClass(type).getName());
			}
		}
		return names;
	}

	private static boolean hasMappedHandler(Class<?> type) {
		boolean[] found = { false };
		ReflectionUtils.doWithMethods(type, (method) -> found[0] = true,
				(method) -> AnnotatedElementUtils.hasAnnotation(method, CloudEventMapping.class)
						&& AnnotatedElementUtils.hasAnnotation(method, KafkaHandler.class));
		return found[0];
	}

}
