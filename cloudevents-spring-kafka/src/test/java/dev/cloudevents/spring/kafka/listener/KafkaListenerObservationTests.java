package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.backoff.FixedBackOff;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;
import dev.cloudevents.spring.observation.CloudEventReceiveContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cloudevents.receive} around {@code @KafkaListener} methods, on the shared
 * embedded broker: one observation per record handed to a method, a child of Spring
 * Kafka's listener observation.
 */
@SpringJUnitConfig
class KafkaListenerObservationTests {

	private static final CloudEventKafkaBinding BINDING = new CloudEventKafkaBinding();

	private static final String TRANSPORT_TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private static final String EVENT_TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		for (String name : List.of("single", "routed", "throwing", "batch")) {
			String topic = SharedKafkaBroker.newTopic(name, 1);
			registry.add("topics." + name, () -> topic);
		}
	}

	@Autowired
	private Environment environment;

	@Autowired
	private BlockingQueue<CloudEventReceiveContext> observed;

	private String topic(String name) {
		return this.environment.getRequiredProperty("topics." + name);
	}

	@Test
	void eachEventHandedToAMethodIsObservedWithItsKeyValuesAsAChildOfTheListenerObservation() throws Exception {
		send("single", event("b-1", SpecVersion.V1_0), ContentMode.BINARY, null);
		send("single", event("s-1", SpecVersion.V0_3), ContentMode.STRUCTURED, null);
		CloudEventReceiveContext binary = next();
		CloudEventReceiveContext structured = next();
		ObservationContextAssert.assertThat(binary)
			.hasNameEqualTo("cloudevents.receive")
			.hasContextualNameEqualTo("receive com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.binding", "kafka")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "binary")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_spec_version", "1.0")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "b-1")
			.hasHighCardinalityKeyValue("cloudevents.event_source", "/orders")
			.hasHighCardinalityKeyValue("cloudevents.event_subject", "order-42")
			.hasParentObservationContextMatching((parent) -> "spring.kafka.listener".equals(parent.getName()),
					"Spring Kafka's listener observation");
		ObservationContextAssert.assertThat(structured)
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasLowCardinalityKeyValue("cloudevents.event_spec_version", "0.3")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "s-1");
	}

	@Test
	void theMethodRunsInTheObservationsScopeAndGetsTheEventReadForIt() throws Exception {
		send("single", event("scope-1", SpecVersion.V1_0), ContentMode.STRUCTURED, null);
		CloudEventReceiveContext context = next();
		assertThat(context.getEvents()).singleElement()
			.isSameAs(SingleListener.lastEvent)
			.extracting(CloudEvent::id)
			.isEqualTo("scope-1");
		assertThat(SingleListener.currentObservation).isSameAs(context);
	}

	@Test
	void anEventTraceparentOfAnotherTraceThanTheRecordsIsALink() throws Exception {
		CloudEvent event = CloudEvent.builder()
			.id("traced-1")
			.type("com.example.order.created")
			.source("/orders")
			.extension("traceparent", EVENT_TRACEPARENT)
			.build();
		send("single", event, ContentMode.BINARY, TRANSPORT_TRACEPARENT);
		CloudEventReceiveContext context = next();
		assertThat(context.getTransportTraceparent()).isEqualTo(TRANSPORT_TRACEPARENT);
		assertThat(context.getLinkedTraceparents()).containsExactly(EVENT_TRACEPARENT);
	}

	@Test
	void aPoisonRecordIsObservedWithItsError() throws Exception {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_type", "com.example.order.created".getBytes(StandardCharsets.UTF_8));
		sendRaw(new ProducerRecord<>(topic("single"), 0, (byte[]) null, "x".getBytes(StandardCharsets.UTF_8), headers));
		CloudEventReceiveContext context = next();
		assertThat(context.getEvents()).isEmpty();
		assertThat(context.getError()).isInstanceOf(MethodArgumentResolutionException.class)
			.hasMessageContaining("Attribute 'id' is required");
		ObservationContextAssert.assertThat(context)
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "binary")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "none")
			.hasLowCardinalityKeyValue("outcome", "REJECTED")
			.hasLowCardinalityKeyValue("exception", "MethodArgumentResolutionException");
	}

	@Test
	void aMethodThatThrowsIsObservedWithItsErrorOnEachDelivery() throws Exception {
		send("throwing", event("fails-1", SpecVersion.V1_0), ContentMode.BINARY, null);
		for (int attempt = 0; attempt < 2; attempt++) {
			ObservationContextAssert.assertThat(next())
				.hasHighCardinalityKeyValue("cloudevents.event_id", "fails-1")
				.hasLowCardinalityKeyValue("outcome", "ERROR")
				.hasLowCardinalityKeyValue("exception", "IllegalStateException");
		}
	}

	@Test
	void aRoutedEventIsObservedOnceAndReachesItsMethod() throws Exception {
		send("routed", event("routed-1", SpecVersion.V1_0), ContentMode.STRUCTURED, null);
		CloudEventReceiveContext context = next();
		ObservationContextAssert.assertThat(context)
			.hasHighCardinalityKeyValue("cloudevents.event_id", "routed-1")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS");
		assertThat(RoutedListener.received.poll(30, TimeUnit.SECONDS)).isEqualTo("created routed-1");
		assertThat(this.observed.poll(1, TimeUnit.SECONDS)).isNull();
	}

	@Test
	void aBatchListenersPollIsOneObservationOfTheEventsItsMethodGets() throws Exception {
		for (int i = 0; i < 3; i++) {
			send("batch", event("batch-" + i, SpecVersion.V1_0),
					(i % 2 == 0) ? ContentMode.BINARY : ContentMode.STRUCTURED, null);
		}
		List<String> observedIds = new ArrayList<>();
		while (observedIds.size() < 3) {
			CloudEventReceiveContext context = next();
			ObservationContextAssert.assertThat(context)
				.hasLowCardinalityKeyValue("cloudevents.content_mode", "batch")
				.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS");
			assertThat(context.getEvents()).isSameAs(BatchListener.batches.poll(30, TimeUnit.SECONDS));
			context.getEvents().forEach((event) -> observedIds.add(event.id()));
		}
		assertThat(observedIds).containsExactly("batch-0", "batch-1", "batch-2");
	}

	private CloudEventReceiveContext next() throws InterruptedException {
		CloudEventReceiveContext context = this.observed.poll(30, TimeUnit.SECONDS);
		assertThat(context).as("a cloudevents.receive observation").isNotNull();
		return context;
	}

	private static CloudEvent event(String id, SpecVersion version) {
		return CloudEvent.builder()
			.id(id)
			.specVersion(version)
			.type("com.example.order.created")
			.source("/orders")
			.subject("order-42")
			.data(Map.of("id", "42"))
			.build();
	}

	private void send(String topic, CloudEvent event, ContentMode mode, String traceparent) throws Exception {
		RecordHeaders headers = new RecordHeaders();
		if (traceparent != null) {
			headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
		}
		byte[] value = BINDING.write(event, mode, headers);
		sendRaw(new ProducerRecord<>(topic(topic), 0, (byte[]) null, value, headers));
	}

	private static void sendRaw(ProducerRecord<byte[], byte[]> record) throws Exception {
		try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(record).get();
		}
	}

	static class SingleListener {

		static volatile CloudEvent lastEvent;

		static volatile Observation.ContextView currentObservation;

		private final TestObservationRegistry registry;

		SingleListener(TestObservationRegistry registry) {
			this.registry = registry;
		}

		@KafkaListener(topics = "${topics.single}", groupId = "single")
		void on(@CloudEventData Map<String, String> data, CloudEvent event) {
			lastEvent = event;
			currentObservation = this.registry.getCurrentObservation().getContextView();
		}

		@KafkaListener(topics = "${topics.throwing}", groupId = "throwing")
		void onThrowing(CloudEvent event) {
			throw new IllegalStateException("The listener fails on " + event.id());
		}

	}

	static class BatchListener {

		static final BlockingQueue<List<CloudEvent>> batches = new LinkedBlockingQueue<>();

		@KafkaListener(topics = "${topics.batch}", groupId = "batch", batch = "true")
		void onBatch(List<CloudEvent> events) {
			batches.add(events);
		}

	}

	@KafkaListener(topics = "${topics.routed}", groupId = "routed")
	static class RoutedListener {

		static final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.created")
		void created(CloudEvent event) {
			received.add("created " + event.id());
		}

		@KafkaHandler(isDefault = true)
		void other(CloudEvent event) {
			received.add("other " + event.id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	static class Config {

		@Bean(KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
		static CloudEventKafkaListenerAnnotationBeanPostProcessor<?, ?> kafkaListenerAnnotationProcessor() {
			return new CloudEventKafkaListenerAnnotationBeanPostProcessor<>();
		}

		@Bean
		BlockingQueue<CloudEventReceiveContext> observed() {
			return new LinkedBlockingQueue<>();
		}

		@Bean
		TestObservationRegistry observationRegistry(BlockingQueue<CloudEventReceiveContext> observed) {
			TestObservationRegistry registry = TestObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<CloudEventReceiveContext>() {

				@Override
				public boolean supportsContext(Observation.Context context) {
					return context instanceof CloudEventReceiveContext;
				}

				@Override
				public void onStop(CloudEventReceiveContext context) {
					observed.add(context);
				}

			});
			return registry;
		}

		@Bean
		CloudEventKafkaListenerConfigurer cloudEventKafkaListenerConfigurer(TestObservationRegistry registry) {
			CloudEventKafkaListenerConfigurer configurer = new CloudEventKafkaListenerConfigurer(
					new CloudEventKafkaBinding());
			configurer.setObservationRegistry(registry);
			return configurer;
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory() {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(SharedKafkaBroker.consumerFactory(new ByteArrayDeserializer()));
			factory.getContainerProperties().setObservationEnabled(true);
			factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 1)));
			return factory;
		}

		@Bean
		SingleListener singleListener(TestObservationRegistry registry) {
			return new SingleListener(registry);
		}

		@Bean
		BatchListener batchListener() {
			return new BatchListener();
		}

		@Bean
		RoutedListener routedListener() {
			return new RoutedListener();
		}

	}

}
