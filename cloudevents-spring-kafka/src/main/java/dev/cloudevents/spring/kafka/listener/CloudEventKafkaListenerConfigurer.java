package dev.cloudevents.spring.kafka.listener;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;

/**
 * Lets {@code @KafkaListener} methods take CloudEvents.
 * <p>
 * It works whatever container factory runs the listeners: <pre class="code">
 * &#64;KafkaListener(topics = "orders")
 * void on(CloudEvent event) { ... }
 * &#64;KafkaListener(topics = "orders")
 * void on(&#64;CloudEventData Order order, CloudEvent event, &#64;Header(KafkaHeaders.OFFSET) long offset) { ... }
 * &#64;KafkaListener(topics = "orders", batch = "true")
 * void on(List&lt;CloudEvent&gt; events) { ... }
 * </pre>
 * <p>
 * A bean of this type adds an argument resolver to the registrar every
 * {@code @KafkaListener} endpoint goes through, next to the resolvers other configurers
 * add; Spring Kafka's own parameters ({@code @Header}, {@code ConsumerRecord},
 * {@code Acknowledgment}) keep working. It reads the record value as the value
 * deserializer left it: {@code byte[]} (exact for any data), {@code String} (Spring
 * Boot's default, exact for text and JSON data) or a {@code CloudEvent} from
 * {@link dev.cloudevents.spring.kafka.CloudEventDeserializer}. A record that is no valid
 * CloudEvent, or whose data does not fit a {@code @CloudEventData} parameter, fails with
 * a {@code MethodArgumentResolutionException} naming the header or attribute and the
 * rule, which Spring Kafka's {@code DefaultErrorHandler} does not retry: the record goes
 * to the recoverer (a {@code DeadLetterPublishingRecoverer} publishes it unchanged) and
 * the partition moves on. In a batch, the method takes the events before the first
 * invalid record, then a {@code BatchListenerFailedException} with that record's index
 * makes the error handler commit them and recover the invalid record alone. That takes
 * {@link CloudEventKafkaListenerAnnotationBeanPostProcessor}, which the starter
 * registers; without it, a batch whose invalid record is not its first fails as a whole,
 * so that no record is committed unseen.
 * <p>
 * With {@link CloudEventKafkaListenerAnnotationBeanPostProcessor}, a record listener
 * reads the event from the record itself, and Spring Kafka's message converter and header
 * mapper run only for the method's other parameters that need them. Without it, the event
 * is read from the message, and Spring Kafka's header mapping keeps one copy of a
 * repeated header: for the binding's check of repeated headers, have the record message
 * converter add the raw record
 * ({@code MessagingMessageConverter.setRawRecordHeader(true)}) or use the
 * {@code CloudEventDeserializer}. A {@code MessageHandlerMethodFactory} that the
 * application sets on the registrar itself replaces the one these resolvers go into.
 */
public class CloudEventKafkaListenerConfigurer implements KafkaListenerConfigurer, BeanFactoryAware {

	private final RecordEvents events;

	private final CloudEventArgumentResolver resolver;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable CloudEventReceiveObservationConvention observationConvention;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Create a configurer that reads events with the given binding and JSON data with the
	 * binding's mapper.
	 * @param binding the binding, with the application's event format
	 */
	public CloudEventKafkaListenerConfigurer(CloudEventKafkaBinding binding) {
		this.events = new RecordEvents(binding);
		this.resolver = new CloudEventArgumentResolver(this.events, binding.format().jsonMapper());
	}

	/**
	 * Set the registry to observe the events handed to record listener methods with, as
	 * {@link CloudEventsObservationDocumentation#RECEIVE cloudevents.receive}: one
	 * observation per record, from reading its event to the method's return, with the
	 * event's key values and the method's error (a record that is no valid CloudEvent is
	 * observed too, with its error). It is a child of Spring Kafka's listener observation
	 * when the container factory observes
	 * ({@code spring.kafka.listener.observation-enabled}). Needs
	 * {@link CloudEventKafkaListenerAnnotationBeanPostProcessor}; by default,
	 * {@link ObservationRegistry#NOOP}: nothing is observed and nothing is wrapped.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Set the convention to use instead of
	 * {@link dev.cloudevents.spring.observation.DefaultCloudEventReceiveObservationConvention}.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(CloudEventReceiveObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	ListenerSupport support() {
		return new ListenerSupport(this.events, this.observationRegistry, this.observationConvention);
	}

	/**
	 * Add the argument resolver, and fail if the application routes events by type with a
	 * {@code @KafkaListener} processor that cannot.
	 */
	@Override
	public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
		assertRoutingProcessor();
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(registrar.getCustomMethodArgumentResolvers());
		resolvers.add(this.resolver);
		registrar.setCustomMethodArgumentResolvers(resolvers.toArray(HandlerMethodArgumentResolver[]::new));
	}

	private void assertRoutingProcessor() {
		String name = KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME;
		if (!(this.beanFactory instanceof ListableBeanFactory beans) || !beans.containsBean(name)
				|| beans.getBean(name) instanceof CloudEventKafkaListenerAnnotationBeanPostProcessor) {
			return;
		}
		List<String> routed = CloudEventKafkaListenerAnnotationBeanPostProcessor.routedListenerClasses(beans);
		if (!routed.isEmpty()) {
			throw new IllegalStateException("The @CloudEventMapping methods of " + String.join(", ", routed)
					+ " would receive no CloudEvents by type: the @KafkaListener processor '" + name + "' is a "
					+ beans.getBean(name).getClass().getName() + ", which routes by payload class. Register a "
					+ CloudEventKafkaListenerAnnotationBeanPostProcessor.class.getName()
					+ " under that bean name (the CloudEvents starter does, unless the application declares "
					+ "its own processor)");
		}
	}

}
