package dev.cloudevents.spring.kafka;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.observation.CloudEventSendContext;
import dev.cloudevents.spring.observation.CloudEventSendObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;
import dev.cloudevents.spring.observation.DefaultCloudEventSendObservationConvention;
import dev.cloudevents.spring.support.EventLogging;
import dev.cloudevents.spring.observation.TraceContextExtension;

/**
 * Sends CloudEvents to Kafka topics with {@link CloudEventKafkaBinding}.
 * <p>
 * The content mode is binary unless {@linkplain #setContentMode(ContentMode) configured}
 * or asked otherwise per call, and each send returns the {@link CompletableFuture} of
 * Spring Kafka's {@link SendResult}; with a record key, another mode or the default
 * topic: <pre class="code">
 * kafka.send("orders", event);
 * kafka.send("orders", "order-42", event);                  // with a record key
 * kafka.send("orders", event, ContentMode.STRUCTURED);
 * kafka.sendDefault("com.example.order.created", order);   // to the default topic
 * </pre>
 * <p>
 * It produces through a {@link KafkaTemplate} on the application's
 * {@link ProducerFactory}, so {@code spring.kafka.producer.*} applies, with the value
 * serializer replaced by a {@link ByteArraySerializer}: the binding writes the value and
 * the headers itself, and no Spring-only header (such as
 * {@code spring_json_header_types}) is added. Keys go through the factory's key
 * serializer.
 * <p>
 * Keys: a key given to a send is the record key. Without one, the record has no key,
 * unless {@linkplain #setPartitionKeyMapping(boolean) partition key mapping} is on and
 * the event has a {@code partitionkey} extension, whose string value then becomes the key
 * (the extension is still sent, as the spec asks).
 * <p>
 * An event that cannot be written fails with an {@link InvalidCloudEventException} before
 * anything is sent. A send that Kafka fails completes the future exceptionally with a
 * {@link KafkaProducerException} naming the event and the topic.
 * <p>
 * With an {@linkplain #setObservationRegistry observation registry}, each send is a
 * {@code cloudevents.send} observation and the trace context travels in the record's
 * {@code traceparent} header; each event sent is logged at DEBUG.
 */
public class KafkaCloudEventTemplate implements DisposableBean {

	/** Name of the extension that partition key mapping turns into the record key. */
	public static final String PARTITIONKEY = "partitionkey";

	private static final Log logger = LogFactory.getLog(KafkaCloudEventTemplate.class);

	private static final CloudEventSendObservationConvention DEFAULT_CONVENTION = new DefaultCloudEventSendObservationConvention();

	private final KafkaTemplate<Object, byte[]> kafkaTemplate;

	private final CloudEventKafkaBinding binding;

	private ContentMode contentMode = ContentMode.BINARY;

	private boolean partitionKeyMapping;

	private @Nullable String defaultTopic;

	private URI source = URI.create("/application");

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable CloudEventSendObservationConvention observationConvention;

	private boolean traceContextExtension;

	/**
	 * Create a template that produces through the given factory.
	 * @param producerFactory the application's producer factory
	 * @param binding the binding, with the application's event format
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public KafkaCloudEventTemplate(ProducerFactory<?, ?> producerFactory, CloudEventKafkaBinding binding) {
		this.kafkaTemplate = new KafkaTemplate<>((ProducerFactory) producerFactory,
				Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
		this.binding = binding;
	}

	/**
	 * Set the content mode of sends that name none; binary by default.
	 * @param contentMode binary or structured
	 */
	public void setContentMode(ContentMode contentMode) {
		this.contentMode = contentMode;
	}

	/**
	 * Set whether the {@code partitionkey} extension becomes the record key of sends that
	 * give no key; off by default.
	 * @param partitionKeyMapping whether to map the partition key
	 */
	public void setPartitionKeyMapping(boolean partitionKeyMapping) {
		this.partitionKeyMapping = partitionKeyMapping;
	}

	/**
	 * Set the topic of {@link #sendDefault(CloudEvent)} and
	 * {@link #sendDefault(String, Object)}.
	 * @param defaultTopic the topic, or {@code null} for none
	 */
	public void setDefaultTopic(@Nullable String defaultTopic) {
		this.defaultTopic = defaultTopic;
	}

	/**
	 * Set the {@code source} of the events {@link #sendDefault(String, Object)} builds.
	 * @param source a URI-reference
	 */
	public void setSource(URI source) {
		this.source = source;
	}

	/**
	 * Set the registry that observes each send as a
	 * {@link CloudEventsObservationDocumentation#SEND cloudevents.send} observation
	 * (binding {@code kafka}), from the send until Kafka acknowledges the record, with
	 * Spring Kafka's own {@code spring.kafka.template} observation as its child, which
	 * writes the trace context into the record's headers. Default is
	 * {@link ObservationRegistry#NOOP}: nothing is observed.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = observationRegistry;
		this.kafkaTemplate.setObservationRegistry(observationRegistry);
		this.kafkaTemplate.setObservationEnabled(!observationRegistry.isNoop());
	}

	/**
	 * Set the convention to use instead of
	 * {@link DefaultCloudEventSendObservationConvention}.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(CloudEventSendObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Set whether to add the {@linkplain TraceContextExtension distributed-tracing
	 * extension} of the current trace to events that have none, when a tracer observes
	 * the sends. Default is {@code false}.
	 * @param traceContextExtension whether to add it
	 */
	public void setTraceContextExtension(boolean traceContextExtension) {
		this.traceContextExtension = traceContextExtension;
	}

	/**
	 * Send an event in the configured content mode.
	 * @param topic the topic
	 * @param event the event
	 * @return the future of the send result
	 * @throws InvalidCloudEventException if the event cannot be written; nothing is sent
	 */
	public CompletableFuture<SendResult<Object, byte[]>> send(String topic, CloudEvent event) {
		return send(topic, null, event, this.contentMode);
	}

	/**
	 * Send an event in the given content mode.
	 * @param topic the topic
	 * @param event the event
	 * @param mode binary or structured
	 * @return the future of the send result
	 * @throws InvalidCloudEventException if the event cannot be written; nothing is sent
	 */
	public CompletableFuture<SendResult<Object, byte[]>> send(String topic, CloudEvent event, ContentMode mode) {
		return send(topic, null, event, mode);
	}

	/**
	 * Send an event with a record key in the configured content mode.
	 * @param topic the topic
	 * @param key the record key, written by the producer factory's key serializer
	 * @param event the event
	 * @return the future of the send result
	 * @throws InvalidCloudEventException if the event cannot be written; nothing is sent
	 */
	public CompletableFuture<SendResult<Object, byte[]>> send(String topic, @Nullable Object key, CloudEvent event) {
		return send(topic, key, event, this.contentMode);
	}

	/**
	 * Send an event with a record key in the given content mode.
	 * @param topic the topic
	 * @param key the record key, or {@code null} for none (or the mapped partition key)
	 * @param event the event
	 * @param mode binary or structured
	 * @return the future of the send result
	 * @throws InvalidCloudEventException if the event cannot be written; nothing is sent
	 */
	public CompletableFuture<SendResult<Object, byte[]>> send(String topic, @Nullable Object key, CloudEvent event,
			ContentMode mode) {
		if (this.observationRegistry.isNoop()) {
			return doSend(topic, key, event, mode);
		}
		CloudEventSendContext context = new CloudEventSendContext(List.of(event), mode, "kafka", topic,
				this.traceContextExtension);
		Observation observation = CloudEventsObservationDocumentation.SEND
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		CompletableFuture<SendResult<Object, byte[]>> future;
		try (Observation.Scope scope = observation.openScope()) {
			context.attemptStarted();
			// the event as sent: with the trace context the observation's start added
			future = doSend(topic, key, context.getEvents().get(0), mode);
		}
		catch (RuntimeException ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		return future.whenComplete((result, ex) -> {
			if (ex != null) {
				observation.error(ex);
			}
			observation.stop();
		});
	}

	private CompletableFuture<SendResult<Object, byte[]>> doSend(String topic, @Nullable Object key, CloudEvent event,
			ContentMode mode) {
		EventLogging.debug(logger, "Sending", event, mode);
		RecordHeaders headers = new RecordHeaders();
		byte[] value = this.binding.write(event, mode, headers);
		Object recordKey = (key != null) ? key : mappedKey(event);
		ProducerRecord<Object, byte[]> record = new ProducerRecord<>(topic, null, recordKey, value, headers);
		// only what a failure names: the event itself need not live until Kafka answers,
		// which thousands of records in flight would make the garbage collector copy
		String id = event.id();
		String type = event.type();
		CompletableFuture<SendResult<Object, byte[]>> future;
		try {
			future = this.kafkaTemplate.send(record);
		}
		// KafkaTemplate throws what fails before the record is handed over, such as a
		// topic whose metadata does not come within max.block.ms
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(failure(record, id, type, ex));
		}
		return future.exceptionallyCompose((ex) -> CompletableFuture.failedFuture(failure(record, id, type, ex)));
	}

	/**
	 * Send an event to the {@linkplain #setDefaultTopic(String) default topic} in the
	 * configured content mode.
	 * @param event the event
	 * @return the future of the send result
	 * @throws IllegalStateException if no default topic is set
	 * ({@code cloudevents.kafka.topic})
	 * @throws InvalidCloudEventException if the event cannot be written; nothing is sent
	 */
	public CompletableFuture<SendResult<Object, byte[]>> sendDefault(CloudEvent event) {
		return send(requireDefaultTopic(), event);
	}

	/**
	 * Build an event with the configured source, the given type and data, a new id and
	 * the current time, and send it to the {@linkplain #setDefaultTopic(String) default
	 * topic} in the configured content mode.
	 * @param type the event type, such as {@code com.example.order.created}
	 * @param data the data: an object (written as JSON), a {@code String} or bytes; or
	 * {@code null} for none
	 * @return the future of the send result, whose record holds the event
	 * @throws IllegalStateException if no default topic is set
	 * ({@code cloudevents.kafka.topic})
	 */
	public CompletableFuture<SendResult<Object, byte[]>> sendDefault(String type, @Nullable Object data) {
		String topic = requireDefaultTopic();
		return send(topic, CloudEvent.builder().source(this.source).type(type).data(data).build());
	}

	/**
	 * Close the producers of this template.
	 */
	@Override
	public void destroy() {
		this.kafkaTemplate.destroy();
	}

	private String requireDefaultTopic() {
		if (this.defaultTopic == null) {
			throw new IllegalStateException(
					"No default topic for CloudEvents configured: set 'cloudevents.kafka.topic' or name a topic");
		}
		return this.defaultTopic;
	}

	private @Nullable String mappedKey(CloudEvent event) {
		return this.partitionKeyMapping ? event.attributeAsString(PARTITIONKEY) : null;
	}

	private static KafkaProducerException failure(ProducerRecord<?, ?> record, String id, String type, Throwable ex) {
		Throwable cause = ex;
		// down to Kafka's own exception, which says what went wrong
		while ((cause instanceof CompletionException || cause instanceof org.springframework.kafka.KafkaException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return new KafkaProducerException(record, "Failed to send CloudEvent id '" + id + "' of type '" + type
				+ "' to topic '" + record.topic() + "': " + cause.getMessage(), cause);
	}

}
