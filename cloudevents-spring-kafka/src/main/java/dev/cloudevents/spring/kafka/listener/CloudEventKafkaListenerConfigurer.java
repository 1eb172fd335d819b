package dev.cloudevents.spring.kafka.listener;

import java.util.ArrayList;
import java.util.List;

import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;

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
 * the partition moves on. In a batch, the failure is a
 * {@code BatchListenerFailedException} with the index of the record.
 * <p>
 * Spring Kafka's header mapping keeps one copy of a repeated header; for the binding's
 * check of repeated headers, have the record message converter add the raw record
 * ({@code MessagingMessageConverter.setRawRecordHeader(true)}) or use the
 * {@code CloudEventDeserializer}. A {@code MessageHandlerMethodFactory} that the
 * application sets on the registrar itself replaces the one these resolvers go into.
 */
public class CloudEventKafkaListenerConfigurer implements KafkaListenerConfigurer {

	private final CloudEventArgumentResolver resolver;

	/**
	 * Create a configurer that reads events with the given binding and JSON data with the
	 * binding's mapper.
	 * @param binding the binding, with the application's event format
	 */
	public CloudEventKafkaListenerConfigurer(CloudEventKafkaBinding binding) {
		this.resolver = new CloudEventArgumentResolver(new RecordEvents(binding), binding.format().jsonMapper());
	}

	@Override
	public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(registrar.getCustomMethodArgumentResolvers());
		resolvers.add(this.resolver);
		registrar.setCustomMethodArgumentResolvers(resolvers.toArray(HandlerMethodArgumentResolver[]::new));
	}

}
