package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.Message;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A class-level {@code @KafkaListener} whose {@code @KafkaHandler} methods route events
 * by {@link CloudEventMapping @CloudEventMapping}, on the shared embedded broker, with
 * records written by the binding in both content modes and both spec versions.
 */
@SpringJUnitConfig
@ExtendWith(OutputCaptureExtension.class)
class KafkaRoutingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final CloudEventKafkaBinding BINDING = new CloudEventKafkaBinding();

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		for (String name : List.of("routed", "strict", "logged")) {
			String topic = SharedKafkaBroker.newTopic(name, 1);
			SharedKafkaBroker.newTopicNamed(topic + "-dlt", 1);
			registry.add("topics." + name, () -> topic);
		}
	}

	@Autowired
	private Environment environment;

	@Autowired
	private RoutedListener routed;

	@Autowired
	private StrictListener strict;

	@Autowired
	private LoggedListener logged;

	@Autowired
	private AtomicInteger failedDeliveries;

	private String topic(String name) {
		return this.environment.getRequiredProperty("topics." + name);
	}

	@ParameterizedTest
	@CsvSource({ "BINARY, V1_0", "STRUCTURED, V1_0", "BINARY, V0_3", "STRUCTURED, V0_3" })
	void eachMethodReceivesExactlyTheEventsOfItsMapping(ContentMode mode, SpecVersion version) throws Exception {
		Map<String, String> expected = new HashMap<>();
		expected.put(send("routed", mode, version, "com.example.order.created", "/orders"), "created");
		expected.put(send("routed", mode, version, "com.example.order.cancelled", "/orders"), "otherOrderEvents");
		expected.put(send("routed", mode, version, "com.example.order.shipped.express", "/orders"), "shipped");
		expected.put(send("routed", mode, version, "com.example.payment.received", "/payments"), "fromPaymentService");
		expected.put(send("routed", mode, version, "com.example.payment.received", "/elsewhere"),
				(version == SpecVersion.V0_3) ? "legacyPayments" : "other");
		expected.put(send("routed", mode, version, "com.example.user.signed-up", "/users"), "other");
		Map<String, String> received = new HashMap<>();
		for (int i = 0; i < expected.size(); i++) {
			Received one = this.routed.received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(one).as("event %d of %d", i + 1, expected.size()).isNotNull();
			received.put(one.event().id(), one.method());
			assertThat(one.event().specVersion()).isEqualTo(version);
		}
		assertThat(received).isEqualTo(expected);
		assertThat(this.routed.received).isEmpty();
	}

	@Test
	void theChosenMethodGetsTheOneEventReadFromTheRecordInEachParameter() throws Exception {
		String id = send("routed", ContentMode.STRUCTURED, SpecVersion.V1_0, "com.example.order.created", "/orders");
		Received received = this.routed.received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(received.event().id()).isEqualTo(id);
		assertThat(received.order()).isEqualTo(new Order(id, 3));
		assertThat(received.message()).isInstanceOfSatisfying(DecodedEventMessage.class,
				(message) -> assertThat(message.event()).isSameAs(received.event()));
	}

	@Test
	void withoutDefaultMethodAnUnroutedOrInvalidEventGoesToTheDeadLetterTopicUnchangedWithoutRetry() throws Exception {
		String topic = topic("strict");
		ProducerRecord<byte[], byte[]> unrouted = record(topic, ContentMode.BINARY, SpecVersion.V1_0,
				"com.example.user.signed-up", "/users", "u-1");
		sendRaw(unrouted);
		RecordHeaders poisonHeaders = new RecordHeaders();
		poisonHeaders.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		poisonHeaders.add("ce_type", "com.example.order.created".getBytes(StandardCharsets.UTF_8));
		ProducerRecord<byte[], byte[]> poison = new ProducerRecord<>(topic, 0, "p".getBytes(StandardCharsets.UTF_8),
				new byte[] { 1, 2, (byte) 0xFE }, poisonHeaders);
		sendRaw(poison);
		send("strict", ContentMode.STRUCTURED, SpecVersion.V1_0, "com.example.order.created", "/orders");
		assertThat(this.strict.received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS).method()).isEqualTo("created");
		List<ConsumerRecord<byte[], byte[]>> dead = read(topic + "-dlt", 2);
		assertUnchanged(dead.get(0), unrouted);
		assertThat(exceptionMessage(dead.get(0)))
			.contains("No @CloudEventMapping method of KafkaRoutingTests.StrictListener takes the CloudEvent type "
					+ "'com.example.user.signed-up' (it takes com.example.order.created, com.example.order.shipped.*)");
		assertUnchanged(dead.get(1), poison);
		assertThat(exceptionMessage(dead.get(1)))
			.contains("The record is not a valid CloudEvent: Attribute 'id' is required");
		assertThat(this.failedDeliveries.get()).isEqualTo(2);
		assertThat(this.strict.received).isEmpty();
	}

	private static void assertUnchanged(ConsumerRecord<byte[], byte[]> dead, ProducerRecord<byte[], byte[]> sent) {
		assertThat(dead.value()).isEqualTo(sent.value());
		assertThat(dead.key()).isEqualTo(sent.key());
		List<Header> original = new ArrayList<>();
		dead.headers().forEach((header) -> {
			if (!header.key().startsWith("kafka_dlt-")) {
				original.add(header);
			}
		});
		assertThat(original).containsExactly(sent.headers().toArray());
	}

	private static String exceptionMessage(ConsumerRecord<byte[], byte[]> dead) {
		return new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8);
	}

	@Test
	void withoutDeadLetterTopicAnUnroutedEventIsLoggedAtWarnAndSkipped(CapturedOutput output) throws Exception {
		send("logged", ContentMode.BINARY, SpecVersion.V1_0, "com.example.user.signed-up", "/users");
		String next = send("logged", ContentMode.BINARY, SpecVersion.V1_0, "com.example.order.created", "/orders");
		assertThat(this.logged.received.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS).event().id()).isEqualTo(next);
		assertThat(output.getOut()).containsPattern("WARN .*CloudEventLoggingRecoverer - Skipped record "
				+ topic("logged") + "-0@0: No @CloudEventMapping method of KafkaRoutingTests.LoggedListener takes "
				+ "the CloudEvent type 'com.example.user.signed-up'");
	}

	private String send(String topic, ContentMode mode, SpecVersion version, String type, String source)
			throws Exception {
		String id = type + "-" + source + "-" + mode + "-" + version;
		sendRaw(record(topic(topic), mode, version, type, source, id));
		return id;
	}

	private static ProducerRecord<byte[], byte[]> record(String topic, ContentMode mode, SpecVersion version,
			String type, String source, String id) {
		CloudEvent event = CloudEvent.builder()
			.id(id)
			.specVersion(version)
			.type(type)
			.source(source)
			.data(new Order(id, 3))
			.build();
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, 0, id.getBytes(StandardCharsets.UTF_8),
				null);
		byte[] value = BINDING.write(event, mode, record.headers());
		return new ProducerRecord<>(topic, 0, record.key(), value, record.headers());
	}

	private static void sendRaw(ProducerRecord<byte[], byte[]> record) throws Exception {
		try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(record).get();
		}
	}

	private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int count) {
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.of(new TopicPartition(topic, 0)));
			consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (records.size() < count && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
		}
		assertThat(records).as("records on " + topic).hasSize(count);
		return records;
	}

	record Order(String id, int quantity) {
	}

	record Received(String method, CloudEvent event, @Nullable Order order, @Nullable Message<?> message) {

		Received(String method, CloudEvent event) {
			this(method, event, null, null);
		}

	}

	@KafkaListener(topics = "${topics.routed}", groupId = "routed")
	static class RoutedListener {

		final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.created")
		void created(@CloudEventData Order order, CloudEvent event, Message<?> message) {
			this.received.add(new Received("created", event, order, message));
		}

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.*")
		void otherOrderEvents(CloudEvent event) {
			this.received.add(new Received("otherOrderEvents", event));
		}

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.shipped.*")
		void shipped(CloudEvent event, ConsumerRecordMetadata metadata) {
			assertThat(metadata.topic()).startsWith("routed-");
			this.received.add(new Received("shipped", event));
		}

		@KafkaHandler
		@CloudEventMapping(type = "com.example.payment.received", source = "/payments")
		void fromPaymentService(CloudEvent event) {
			this.received.add(new Received("fromPaymentService", event));
		}

		@KafkaHandler
		@CloudEventMapping(type = "com.example.payment.received", specVersion = SpecVersion.V0_3)
		void legacyPayments(CloudEvent event) {
			this.received.add(new Received("legacyPayments", event));
		}

		@KafkaHandler(isDefault = true)
		void other(CloudEvent event) {
			this.received.add(new Received("other", event));
		}

	}

	@KafkaListener(topics = "${topics.strict}", groupId = "strict")
	static class StrictListener {

		final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.created")
		void created(CloudEvent event) {
			this.received.add(new Received("created", event));
		}

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.shipped.*")
		void shipped(CloudEvent event) {
			this.received.add(new Received("shipped", event));
		}

	}

	@KafkaListener(topics = "${topics.logged}", groupId = "logged", containerFactory = "loggingFactory")
	static class LoggedListener {

		final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order.created")
		void created(CloudEvent event) {
			this.received.add(new Received("created", event));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(CloudEventListeners.class)
	static class Config {

		@Bean
		ConsumerFactory<byte[], byte[]> consumerFactory() {
			return SharedKafkaBroker.consumerFactory(new ByteArrayDeserializer());
		}

		@Bean
		AtomicInteger failedDeliveries() {
			return new AtomicInteger();
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(
				ConsumerFactory<byte[], byte[]> consumerFactory, AtomicInteger failedDeliveries) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(consumerFactory);
			KafkaTemplate<byte[], byte[]> deadLetters = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
					new ByteArraySerializer(), new ByteArraySerializer()));
			DefaultErrorHandler errorHandler = new DefaultErrorHandler(new DeadLetterPublishingRecoverer(deadLetters),
					new FixedBackOff(0, 2));
			errorHandler.setRetryListeners(new RetryListener() {

				@Override
				public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
					failedDeliveries.incrementAndGet();
				}

			});
			factory.setCommonErrorHandler(errorHandler);
			return factory;
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> loggingFactory(
				ConsumerFactory<byte[], byte[]> consumerFactory) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(consumerFactory);
			factory.setCommonErrorHandler(new DefaultErrorHandler(new CloudEventLoggingRecoverer()));
			return factory;
		}

		@Bean
		RoutedListener routedListener() {
			return new RoutedListener();
		}

		@Bean
		StrictListener strictListener() {
			return new StrictListener();
		}

		@Bean
		LoggedListener loggedListener() {
			return new LoggedListener();
		}

	}

}
