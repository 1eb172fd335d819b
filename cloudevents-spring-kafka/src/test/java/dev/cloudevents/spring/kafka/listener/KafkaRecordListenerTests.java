package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.backoff.FixedBackOff;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record listeners taking events through
 * {@link CloudEventKafkaListenerAnnotationBeanPostProcessor}, as the starter registers
 * it: the event is read from the record itself, with every copy of its headers and
 * without the raw record in the message, and Spring Kafka still maps the headers for the
 * parameters that take them.
 */
@SpringJUnitConfig
class KafkaRecordListenerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final CloudEventKafkaBinding BINDING = new CloudEventKafkaBinding();

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		for (String name : List.of("events", "headers", "routed")) {
			String topic = SharedKafkaBroker.newTopic(name, 1);
			registry.add("topics." + name, () -> topic);
		}
	}

	@Autowired
	private Environment environment;

	@Autowired
	private Listeners listeners;

	@Autowired
	private RoutedListener routed;

	@Test
	void aHeaderRepeatedWithAnotherValueIsRejectedNamingItAndTheNextRecordIsRead() throws Exception {
		String topic = topic("events");
		ProducerRecord<byte[], byte[]> twice = record(topic, "twice");
		twice.headers().add("ce_type", "com.example.other".getBytes(StandardCharsets.UTF_8));
		send(twice, record(topic, "once"));
		assertThat(poll(this.listeners.events).id()).isEqualTo("once");
		Failure failure = poll(this.listeners.failures);
		assertThat(failure.offset()).isZero();
		assertThat(failure.messages()).contains("The record is not a valid CloudEvent", "'ce_type'");
		assertThat(this.listeners.events).isEmpty();
	}

	@Test
	void parametersThatTakeHeadersGetThemAsSpringKafkaMapsThem() throws Exception {
		String topic = topic("headers");
		send(record(topic, "h-1"));
		Received received = poll(this.listeners.withHeaders);
		assertThat(received.event().id()).isEqualTo("h-1");
		assertThat(received.topic()).isEqualTo(topic);
		assertThat(new String(received.ceId(), StandardCharsets.UTF_8)).isEqualTo("h-1");
	}

	@Test
	void aRoutedEventIsReadFromTheRecordAndARepeatedHeaderIsRejected() throws Exception {
		String topic = topic("routed");
		ProducerRecord<byte[], byte[]> twice = record(topic, "twice");
		twice.headers().add("ce_id", "other".getBytes(StandardCharsets.UTF_8));
		send(twice, record(topic, "r-1"));
		assertThat(poll(this.routed.events).id()).isEqualTo("r-1");
		assertThat(poll(this.listeners.failures).messages()).contains("'ce_id'");
		assertThat(this.routed.events).isEmpty();
	}

	private String topic(String name) {
		return this.environment.getRequiredProperty("topics." + name);
	}

	private static ProducerRecord<byte[], byte[]> record(String topic, String id) {
		RecordHeaders headers = new RecordHeaders();
		CloudEvent event = CloudEvent.builder()
			.id(id)
			.type("com.example.order")
			.source("/orders")
			.data("application/json", "{}".getBytes(StandardCharsets.UTF_8))
			.build();
		byte[] value = BINDING.write(event, ContentMode.BINARY, headers);
		return new ProducerRecord<>(topic, 0, (byte[]) null, value, headers);
	}

	@SafeVarargs
	private static void send(ProducerRecord<byte[], byte[]>... records) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (ProducerRecord<byte[], byte[]> record : records) {
				producer.send(record).get();
			}
		}
	}

	private static <T> T poll(BlockingQueue<T> queue) throws InterruptedException {
		T element = queue.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(element).as("received within %s", TIMEOUT).isNotNull();
		return element;
	}

	record Received(CloudEvent event, String topic, byte[] ceId) {
	}

	record Failure(long offset, String messages) {
	}

	static class Listeners {

		final BlockingQueue<CloudEvent> events = new LinkedBlockingQueue<>();

		final BlockingQueue<Received> withHeaders = new LinkedBlockingQueue<>();

		final BlockingQueue<Failure> failures = new LinkedBlockingQueue<>();

		@KafkaListener(topics = "${topics.events}", groupId = "events")
		void on(CloudEvent event) {
			this.events.add(event);
		}

		@KafkaListener(topics = "${topics.headers}", groupId = "headers")
		void on(CloudEvent event, @Header(KafkaHeaders.RECEIVED_TOPIC) String topic, @Header("ce_id") byte[] ceId) {
			this.withHeaders.add(new Received(event, topic, ceId));
		}

		// Spring Kafka wraps what the listener's argument resolution threw
		void failed(long offset, Throwable exception) {
			StringBuilder messages = new StringBuilder();
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				messages.append(cause.getMessage()).append('\n');
			}
			this.failures.add(new Failure(offset, messages.toString()));
		}

	}

	@KafkaListener(topics = "${topics.routed}", groupId = "routed")
	static class RoutedListener {

		final BlockingQueue<CloudEvent> events = new LinkedBlockingQueue<>();

		@KafkaHandler
		@CloudEventMapping(type = "com.example.order")
		void on(CloudEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(CloudEventListeners.class)
	static class Config {

		@Bean
		Listeners listeners() {
			return new Listeners();
		}

		@Bean
		RoutedListener routedListener() {
			return new RoutedListener();
		}

		// no retries: every failure here is one that no retry changes
		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(Listeners listeners) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(SharedKafkaBroker.consumerFactory(new ByteArrayDeserializer()));
			factory.setCommonErrorHandler(new DefaultErrorHandler(
					(record, exception) -> listeners.failed(record.offset(), exception), new FixedBackOff(0, 0)));
			return factory;
		}

	}

}
