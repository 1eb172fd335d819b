package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.backoff.FixedBackOff;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @KafkaListener} methods taking CloudEvents, run by container factories the
 * application builds itself, on the shared embedded broker.
 */
@SpringJUnitConfig
@ExtendWith(OutputCaptureExtension.class)
class KafkaListenerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		for (String name : List.of("events", "orders", "batch", "poison", "throwing", "logged")) {
			String topic = SharedKafkaBroker.newTopic(name, 1);
			SharedKafkaBroker.newTopicNamed(topic + "-dlt", 1);
			registry.add("topics." + name, () -> topic);
		}
	}

	@Autowired
	private KafkaCloudEventTemplate template;

	@Autowired
	private Listeners listeners;

	@Autowired
	private org.springframework.core.env.Environment environment;

	private String topic(String name) {
		return this.environment.getRequiredProperty("topics." + name);
	}

	private static CloudEvent event(String id, @Nullable Object data) {
		return CloudEvent.builder().id(id).type("com.example.order.created").source("/orders").data(data).build();
	}

	@Test
	void aListenerTakesTheEventOfABinaryOrStructuredRecordWithSpringKafkaParameters() throws Exception {
		this.template.send(topic("events"), event("b", "binary"), ContentMode.BINARY).get();
		this.template.send(topic("events"), event("s", "structured"), ContentMode.STRUCTURED).get();
		Received binary = this.listeners.events.poll(30, TimeUnit.SECONDS);
		Received structured = this.listeners.events.poll(30, TimeUnit.SECONDS);
		assertThat(binary.event().id()).isEqualTo("b");
		assertThat(new JsonEventFormat().dataAs(binary.event(), String.class)).isEqualTo("binary");
		assertThat(binary.offset()).isEqualTo(binary.record().offset());
		assertThat(binary.headers()).isNotEmpty()
			.allMatch((name) -> name.startsWith("ce_") || name.equals("content-type"));
		assertThat(structured.event().id()).isEqualTo("s");
		assertThat(new JsonEventFormat().dataAs(structured.event(), String.class)).isEqualTo("structured");
		assertThat(structured.headers()).containsExactly("content-type");
	}

	@Test
	void aListenerTakesTypedDataNextToTheEvent() throws Exception {
		this.template.send(topic("orders"), event("o", new Order("42", 3))).get();
		this.template.send(topic("orders"), event("empty", null)).get();
		assertThat(this.listeners.orders.poll(30, TimeUnit.SECONDS)).isEqualTo(List.of(new Order("42", 3), "o"));
		List<Object> withoutData = this.listeners.orders.poll(30, TimeUnit.SECONDS);
		assertThat(withoutData).containsExactly("no data", "empty");
	}

	@Test
	void aBatchListenerTakesAListOfEvents() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.template.send(topic("batch"), event("e" + i, i),
					(i % 2 == 0) ? ContentMode.BINARY : ContentMode.STRUCTURED);
		}
		List<String> ids = new ArrayList<>();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (ids.size() < 5 && System.nanoTime() < deadline) {
			List<CloudEvent> batch = this.listeners.batches.poll(1, TimeUnit.SECONDS);
			if (batch != null) {
				batch.forEach((event) -> ids.add(event.id()));
			}
		}
		assertThat(ids).containsExactly("e0", "e1", "e2", "e3", "e4");
	}

	@Test
	void aPoisonRecordGoesToTheDeadLetterTopicUnchangedAndTheRecordsAroundItAreHandled() throws Exception {
		String topic = topic("poison");
		this.template.send(topic, event("before", "1")).get();
		RecordHeaders poisonHeaders = new RecordHeaders();
		poisonHeaders.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		poisonHeaders.add("ce_source", "/orders".getBytes(StandardCharsets.UTF_8));
		poisonHeaders.add("ce_type", "t".getBytes(StandardCharsets.UTF_8));
		poisonHeaders.add("ce_subject", new byte[] { (byte) 0xFF });
		poisonHeaders.add("traceparent", "00-1-2-01".getBytes(StandardCharsets.UTF_8));
		byte[] poisonValue = { 1, 2, 3, (byte) 0xFE };
		sendRaw(new ProducerRecord<>(topic, 0, "k".getBytes(StandardCharsets.UTF_8), poisonValue, poisonHeaders));
		this.template.send(topic, event("after", "2")).get();

		assertThat(this.listeners.poison.poll(30, TimeUnit.SECONDS).id()).isEqualTo("before");
		assertThat(this.listeners.poison.poll(30, TimeUnit.SECONDS).id()).isEqualTo("after");
		ConsumerRecord<byte[], byte[]> dead = readOne(topic + "-dlt");
		assertThat(dead.value()).isEqualTo(poisonValue);
		assertThat(dead.key()).isEqualTo("k".getBytes(StandardCharsets.UTF_8));
		List<Header> original = new ArrayList<>();
		for (Header header : dead.headers()) {
			if (!header.key().startsWith("kafka_dlt-")) {
				original.add(header);
			}
		}
		assertThat(original).containsExactly(poisonHeaders.toArray());
		assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8))
			.contains(
					"The record is not a valid CloudEvent: Attribute 'subject' comes from header 'ce_subject', whose value is not valid UTF-8");
		assertThat(this.listeners.poisonAttempts.get()).isEqualTo(2);
	}

	@Test
	void aListenerThatThrowsOnAValidEventIsRetriedAndThenDeadLettered() throws Exception {
		String topic = topic("throwing");
		this.template.send(topic, event("fails", "x")).get();
		ConsumerRecord<byte[], byte[]> dead = readOne(topic + "-dlt");
		assertThat(new String(dead.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)).isEqualTo("fails");
		assertThat(this.listeners.throwingAttempts.get()).isEqualTo(3);
	}

	@Test
	void withoutDeadLetterTopicAPoisonRecordIsLoggedAtWarnWithoutItsDataAndSkipped(CapturedOutput output)
			throws Exception {
		String topic = topic("logged");
		RecordHeaders poisonHeaders = new RecordHeaders();
		poisonHeaders.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		sendRaw(new ProducerRecord<>(topic, 0, (byte[]) null, "secret-data".getBytes(StandardCharsets.UTF_8),
				poisonHeaders));
		this.template.send(topic, event("next", "1")).get();
		assertThat(this.listeners.logged.poll(30, TimeUnit.SECONDS).id()).isEqualTo("next");
		assertThat(output.getOut())
			.containsPattern("WARN .*CloudEventLoggingRecoverer - Skipped record " + topic
					+ "-0@0, which is not a valid CloudEvent: Attribute 'id' is required")
			.doesNotContain("secret-data");
	}

	private static void sendRaw(ProducerRecord<byte[], byte[]> record) throws Exception {
		try (org.apache.kafka.clients.producer.KafkaProducer<byte[], byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(record).get();
		}
	}

	private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.of(new TopicPartition(topic, 0)));
			consumer.seekToBeginning(List.of(new TopicPartition(topic, 0)));
			long deadline = System.nanoTime() + TIMEOUT.toNanos();
			while (System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					return record;
				}
			}
		}
		throw new IllegalStateException("Nothing on " + topic);
	}

	record Order(String id, int quantity) {
	}

	record Received(CloudEvent event, long offset, ConsumerRecord<?, ?> record, List<String> headers) {
	}

	static class Listeners {

		final BlockingQueue<Received> events = new LinkedBlockingQueue<>();

		final BlockingQueue<List<Object>> orders = new LinkedBlockingQueue<>();

		final BlockingQueue<List<CloudEvent>> batches = new LinkedBlockingQueue<>();

		final BlockingQueue<CloudEvent> poison = new LinkedBlockingQueue<>();

		final AtomicInteger poisonAttempts = new AtomicInteger();

		final AtomicInteger throwingAttempts = new AtomicInteger();

		final BlockingQueue<CloudEvent> logged = new LinkedBlockingQueue<>();

		@KafkaListener(topics = "${topics.events}", groupId = "events")
		void onEvent(CloudEvent event,
				@org.springframework.messaging.handler.annotation.Header(KafkaHeaders.OFFSET) long offset,
				ConsumerRecord<?, ?> record) {
			List<String> headers = new ArrayList<>();
			record.headers().forEach((header) -> headers.add(header.key()));
			this.events.add(new Received(event, offset, record, headers));
		}

		@KafkaListener(topics = "${topics.orders}", groupId = "orders")
		void onOrder(@CloudEventData @Nullable Order order, CloudEvent event) {
			this.orders.add(List.of((order != null) ? order : "no data", event.id()));
		}

		@KafkaListener(topics = "${topics.batch}", groupId = "batch", batch = "true")
		void onBatch(List<CloudEvent> events) {
			this.batches.add(events);
		}

		@KafkaListener(topics = "${topics.poison}", groupId = "poison")
		void onPoison(CloudEvent event) {
			this.poisonAttempts.incrementAndGet();
			this.poison.add(event);
		}

		@KafkaListener(topics = "${topics.throwing}", groupId = "throwing")
		void onThrowing(CloudEvent event) {
			this.throwingAttempts.incrementAndGet();
			throw new IllegalStateException("The listener fails on " + event.id());
		}

		@KafkaListener(topics = "${topics.logged}", groupId = "logged", containerFactory = "loggingFactory")
		void onLogged(CloudEvent event) {
			this.logged.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	static class Config {

		@Bean
		CloudEventKafkaBinding binding() {
			return new CloudEventKafkaBinding();
		}

		@Bean
		CloudEventKafkaListenerConfigurer cloudEventKafkaListenerConfigurer(CloudEventKafkaBinding binding) {
			return new CloudEventKafkaListenerConfigurer(binding);
		}

		@Bean
		ConsumerFactory<byte[], byte[]> consumerFactory() {
			return SharedKafkaBroker.consumerFactory(new ByteArrayDeserializer());
		}

		@Bean
		ProducerFactory<String, String> producerFactory() {
			return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					SharedKafkaBroker.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
					StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		}

		@Bean
		KafkaTemplate<byte[], byte[]> deadLetterTemplate() {
			return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
					new ByteArraySerializer(), new ByteArraySerializer()));
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(
				ConsumerFactory<byte[], byte[]> consumerFactory, KafkaTemplate<byte[], byte[]> deadLetterTemplate) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(consumerFactory);
			factory.setCommonErrorHandler(new DefaultErrorHandler(new DeadLetterPublishingRecoverer(deadLetterTemplate),
					new FixedBackOff(0, 2)));
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
		KafkaCloudEventTemplate kafkaCloudEventTemplate(ProducerFactory<String, String> producerFactory,
				CloudEventKafkaBinding binding) {
			return new KafkaCloudEventTemplate(producerFactory, binding);
		}

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

	}

}
