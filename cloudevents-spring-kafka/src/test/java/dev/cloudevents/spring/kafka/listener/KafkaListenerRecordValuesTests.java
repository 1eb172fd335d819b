package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.SimpleKafkaHeaderMapper;
import org.springframework.kafka.support.converter.BatchMessagingMessageConverter;
import org.springframework.kafka.support.converter.MessagingMessageConverter;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.backoff.FixedBackOff;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.kafka.CloudEventDeserializer;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @KafkaListener} methods taking CloudEvents from record values as each value
 * deserializer leaves them ({@code String}, a {@code CloudEvent}, a type no event is read
 * from), with the raw record added by the converter, and failing on data that does not
 * fit, on the shared embedded broker. Failed records go to a recoverer that keeps them.
 */
@SpringJUnitConfig
@ExtendWith(OutputCaptureExtension.class)
class KafkaListenerRecordValuesTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		for (String name : List.of("strings", "serde", "raw", "raw-batch", "raw-batch-middle", "typed", "numbers",
				"mapped")) {
			String topic = SharedKafkaBroker.newTopic(name, 1);
			registry.add("topics." + name, () -> topic);
		}
	}

	@Autowired
	private KafkaCloudEventTemplate template;

	@Autowired
	private Listeners listeners;

	@Autowired
	private Failures failures;

	@Autowired
	private Environment environment;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Test
	void stringValuesAsSpringBootDeserializesThemByDefaultGiveTheEventWithItsDataExact() throws Exception {
		String topic = topic("strings");
		this.template.send(topic, event("b", "{\"total\":1.50}", "application/json"), ContentMode.BINARY).get();
		this.template.send(topic, event("s", "caf\u00e9", "text/plain"), ContentMode.STRUCTURED).get();
		CloudEvent binary = poll(this.listeners.strings);
		CloudEvent structured = poll(this.listeners.strings);
		assertThat(binary.id()).isEqualTo("b");
		assertThat(new String(new JsonEventFormat().dataBytes(binary), StandardCharsets.UTF_8))
			.isEqualTo("{\"total\":1.50}");
		assertThat(structured.id()).isEqualTo("s");
		assertThat(new JsonEventFormat().dataAs(structured, String.class)).isEqualTo("caf\u00e9");
	}

	@Test
	void aTombstoneWithEventHeadersIsAnEventWithoutData() throws Exception {
		RecordHeaders headers = binaryHeaders("tombstone");
		sendRaw(new ProducerRecord<>(topic("strings"), 0, (byte[]) null, (byte[]) null, headers));
		CloudEvent event = poll(this.listeners.strings);
		assertThat(event.id()).isEqualTo("tombstone");
		assertThat(event.hasData()).isFalse();
	}

	@Test
	void anEventFromCloudEventDeserializerIsTakenAsItIs() throws Exception {
		this.template.send(topic("serde"), event("d", "{\"n\":1}", "application/json"), ContentMode.STRUCTURED).get();
		CloudEvent event = poll(this.listeners.serde);
		assertThat(event.id()).isEqualTo("d");
		assertThat(new JsonEventFormat().dataAs(event, Map.class)).isEqualTo(Map.of("n", 1));
	}

	@Test
	void withTheRawRecordAddedARepeatedEventHeaderIsRejectedNamingIt() throws Exception {
		String topic = topic("raw");
		RecordHeaders twice = binaryHeaders("twice");
		twice.add("ce_type", "com.example.other".getBytes(StandardCharsets.UTF_8));
		sendRaw(new ProducerRecord<>(topic, 0, (byte[]) null, "{}".getBytes(StandardCharsets.UTF_8), twice));
		this.template.send(topic, event("once", "{}", "application/json")).get();
		assertThat(poll(this.listeners.raw).id()).isEqualTo("once");
		Failure failure = poll(this.failures.queue);
		assertThat(failure.topic()).isEqualTo(topic);
		assertThat(failure.offset()).isZero();
		assertThat(failure.message()).contains("The record is not a valid CloudEvent", "ce_type");
	}

	@Test
	void aBatchListenerReadsTheRawRecordsAndAnInvalidFirstOneIsRecoveredAndTheRestDelivered() throws Exception {
		String topic = topic("raw-batch");
		RecordHeaders noId = binaryHeaders("x");
		noId.remove("ce_id");
		sendRaw(new ProducerRecord<>(topic, 0, (byte[]) null, "{}".getBytes(StandardCharsets.UTF_8), noId));
		this.template.send(topic, event("e1", "{}", "application/json")).get();
		this.template.send(topic, event("e2", "{}", "application/json"), ContentMode.STRUCTURED).get();
		// one poll gets the three records
		this.registry.getListenerContainer("raw-batch").start();
		Failure failure = poll(this.failures.queue);
		assertThat(failure.offset()).isZero();
		assertThat(failure.message()).contains("Record 0 of the batch is not a valid CloudEvent",
				"Attribute 'id' is required");
		List<String> ids = new ArrayList<>();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			List<CloudEvent> batch = this.listeners.rawBatches.poll(100, TimeUnit.MILLISECONDS);
			if (batch != null) {
				batch.forEach((event) -> ids.add(event.id()));
			}
			assertThat(ids).containsExactly("e1", "e2");
		});
	}

	// without CloudEventKafkaListenerAnnotationBeanPostProcessor the method cannot take
	// the
	// events before the invalid record first: no record may be committed unseen
	@Test
	void withoutTheProcessorABatchWithAnInvalidRecordAfterValidOnesFailsAsAWhole() throws Exception {
		String topic = topic("raw-batch-middle");
		this.template.send(topic, event("e0", "{}", "application/json")).get();
		this.template.send(topic, event("e1", "{}", "application/json")).get();
		RecordHeaders noId = binaryHeaders("x");
		noId.remove("ce_id");
		sendRaw(new ProducerRecord<>(topic, 0, (byte[]) null, "{}".getBytes(StandardCharsets.UTF_8), noId));
		this.template.send(topic, event("e3", "{}", "application/json")).get();
		this.registry.getListenerContainer("raw-batch-middle").start();
		List<Long> recovered = new ArrayList<>();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			Failure failure = this.failures.queue.poll(100, TimeUnit.MILLISECONDS);
			if (failure != null) {
				assertThat(failure.message()).contains("Record 2 of the batch is not a valid CloudEvent");
				recovered.add(failure.offset());
			}
			assertThat(recovered).containsExactly(0L, 1L, 2L, 3L);
		});
		assertThat(this.listeners.middleBatches).isEmpty();
	}

	@Test
	void dataThatDoesNotFitTheParameterOrIsMissingFailsNamingTheEvent() throws Exception {
		String topic = topic("typed");
		this.template.send(topic, event("misfit", "{\"id\":\"o\",\"quantity\":\"many\"}", "application/json")).get();
		this.template.send(topic, event("nodata", null, null)).get();
		this.template.send(topic, event("fits", "{\"id\":\"o\",\"quantity\":2}", "application/json")).get();
		assertThat(poll(this.listeners.orders)).isEqualTo(new Order("o", 2));
		assertThat(poll(this.failures.queue).message()).contains("The data of CloudEvent id 'misfit'", "quantity");
		assertThat(poll(this.failures.queue).message()).contains("The CloudEvent id 'nodata' has no data");
	}

	@Test
	void headersMappedAsStringsOrAsMultiValuedListsAreReadAndEveryCopyOfARepeatedOneIsSeen() throws Exception {
		String topic = topic("mapped");
		RecordHeaders twice = binaryHeaders("twice");
		twice.add("ce_type", "com.example.other".getBytes(StandardCharsets.UTF_8));
		sendRaw(new ProducerRecord<>(topic, 0, (byte[]) null, "{}".getBytes(StandardCharsets.UTF_8), twice));
		this.template.send(topic, event("mapped", "{}", "application/json"), ContentMode.BINARY).get();
		CloudEvent event = poll(this.listeners.mapped);
		assertThat(event.id()).isEqualTo("mapped");
		assertThat(event.type()).isEqualTo("com.example.order");
		assertThat(event.source()).hasToString("/orders");
		assertThat(event.dataContentType()).isEqualTo("application/json");
		Failure failure = poll(this.failures.queue);
		assertThat(failure.offset()).isZero();
		assertThat(failure.message()).contains("The record is not a valid CloudEvent", "ce_type");
	}

	@Test
	void aValueOfAnotherTypeFailsSayingWhichDeserializersToUseAndIsLoggedAtError(CapturedOutput output)
			throws Exception {
		String topic = topic("numbers");
		sendRaw(new ProducerRecord<>(topic, 0, (byte[]) null, new byte[8], binaryHeaders("number")));
		await().atMost(TIMEOUT)
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("ERROR .*CloudEventLoggingRecoverer - Skipped record " + topic
						+ "-0@0 after its listener failed")
				.contains("Cannot read a CloudEvent from a record value of type java.lang.Long"));
		assertThat(this.listeners.numbers).isEmpty();
	}

	private String topic(String name) {
		return this.environment.getRequiredProperty("topics." + name);
	}

	private static <T> T poll(BlockingQueue<T> queue) throws InterruptedException {
		T element = queue.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(element).as("received within %s", TIMEOUT).isNotNull();
		return element;
	}

	private static CloudEvent event(String id, @Nullable String data, @Nullable String dataContentType) {
		CloudEvent.Builder builder = CloudEvent.builder().id(id).type("com.example.order").source("/orders");
		return (data != null) ? builder.data(dataContentType, data.getBytes(StandardCharsets.UTF_8)).build()
				: builder.build();
	}

	private static RecordHeaders binaryHeaders(String id) {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
		headers.add("ce_type", "com.example.order".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_source", "/orders".getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	private static void sendRaw(ProducerRecord<byte[], byte[]> record) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(record).get();
		}
	}

	record Order(String id, int quantity) {
	}

	record Failure(String topic, long offset, String message) {
	}

	static class Failures {

		final BlockingQueue<Failure> queue = new LinkedBlockingQueue<>();

		// no retries: every failure here is one that no retry changes
		CommonErrorHandler errorHandler() {
			return new DefaultErrorHandler(
					(record, exception) -> this.queue
						.add(new Failure(record.topic(), record.offset(), messages(exception))),
					new FixedBackOff(0, 0));
		}

		// Spring Kafka wraps what the listener's argument resolution threw
		private static String messages(Throwable exception) {
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			return messages.toString();
		}

	}

	static class Listeners {

		final BlockingQueue<CloudEvent> strings = new LinkedBlockingQueue<>();

		final BlockingQueue<CloudEvent> serde = new LinkedBlockingQueue<>();

		final BlockingQueue<CloudEvent> raw = new LinkedBlockingQueue<>();

		final BlockingQueue<List<CloudEvent>> rawBatches = new LinkedBlockingQueue<>();

		final BlockingQueue<List<CloudEvent>> middleBatches = new LinkedBlockingQueue<>();

		final BlockingQueue<Order> orders = new LinkedBlockingQueue<>();

		final BlockingQueue<CloudEvent> numbers = new LinkedBlockingQueue<>();

		final BlockingQueue<CloudEvent> mapped = new LinkedBlockingQueue<>();

		@KafkaListener(topics = "${topics.strings}", groupId = "strings", containerFactory = "strings")
		void onString(CloudEvent event) {
			this.strings.add(event);
		}

		@KafkaListener(topics = "${topics.serde}", groupId = "serde", containerFactory = "serde")
		void onDeserialized(CloudEvent event) {
			this.serde.add(event);
		}

		@KafkaListener(topics = "${topics.raw}", groupId = "raw", containerFactory = "raw")
		void onRaw(CloudEvent event) {
			this.raw.add(event);
		}

		@KafkaListener(id = "raw-batch", topics = "${topics.raw-batch}", containerFactory = "rawBatch", batch = "true",
				autoStartup = "false")
		void onRawBatch(List<CloudEvent> events) {
			this.rawBatches.add(events);
		}

		@KafkaListener(id = "raw-batch-middle", topics = "${topics.raw-batch-middle}", containerFactory = "rawBatch",
				batch = "true", autoStartup = "false")
		void onRawBatchWithAnInvalidRecordInTheMiddle(List<CloudEvent> events) {
			this.middleBatches.add(events);
		}

		@KafkaListener(topics = "${topics.typed}", groupId = "typed", containerFactory = "strings")
		void onOrder(@CloudEventData Order order) {
			this.orders.add(order);
		}

		@KafkaListener(topics = "${topics.mapped}", groupId = "mapped", containerFactory = "mapped")
		void onMapped(CloudEvent event) {
			this.mapped.add(event);
		}

		@KafkaListener(topics = "${topics.numbers}", groupId = "numbers", containerFactory = "numbers")
		void onNumber(CloudEvent event) {
			this.numbers.add(event);
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
		Failures failures() {
			return new Failures();
		}

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], String> strings(Failures failures) {
			return factory(new StringDeserializer(), failures.errorHandler());
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], CloudEvent> serde(Failures failures) {
			return factory(new CloudEventDeserializer(), failures.errorHandler());
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> raw(Failures failures) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = factory(new ByteArrayDeserializer(),
					failures.errorHandler());
			MessagingMessageConverter converter = new MessagingMessageConverter();
			converter.setRawRecordHeader(true);
			factory.setRecordMessageConverter(converter);
			return factory;
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> rawBatch(Failures failures) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = factory(new ByteArrayDeserializer(),
					failures.errorHandler());
			BatchMessagingMessageConverter converter = new BatchMessagingMessageConverter();
			converter.setRawRecordHeader(true);
			factory.setBatchMessageConverter(converter);
			return factory;
		}

		// the header mapper gives id and source as strings and every copy of the type
		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> mapped(Failures failures) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = factory(new ByteArrayDeserializer(),
					failures.errorHandler());
			SimpleKafkaHeaderMapper headerMapper = new SimpleKafkaHeaderMapper();
			headerMapper.setRawMappedHeaders(Map.of("ce_id", true, "ce_source", true));
			headerMapper.setMultiValueHeaderPatterns("ce_type");
			MessagingMessageConverter converter = new MessagingMessageConverter();
			converter.setHeaderMapper(headerMapper);
			factory.setRecordMessageConverter(converter);
			return factory;
		}

		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], Long> numbers() {
			return factory(new LongDeserializer(), new DefaultErrorHandler(new CloudEventLoggingRecoverer()));
		}

		private static <V> ConcurrentKafkaListenerContainerFactory<byte[], V> factory(Deserializer<V> values,
				CommonErrorHandler errorHandler) {
			ConcurrentKafkaListenerContainerFactory<byte[], V> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(SharedKafkaBroker.consumerFactory(values));
			factory.setCommonErrorHandler(errorHandler);
			return factory;
		}

		@Bean
		ProducerFactory<String, String> producerFactory() {
			return new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
					SharedKafkaBroker.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
					StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
		}

		@Bean
		KafkaCloudEventTemplate kafkaCloudEventTemplate(ProducerFactory<String, String> producerFactory,
				CloudEventKafkaBinding binding) {
			return new KafkaCloudEventTemplate(producerFactory, binding);
		}

	}

}
