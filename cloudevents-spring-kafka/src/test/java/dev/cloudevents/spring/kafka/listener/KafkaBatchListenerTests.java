package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.util.backoff.FixedBackOff;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A batch listener taking {@code List<CloudEvent>}, through
 * {@link CloudEventKafkaListenerAnnotationBeanPostProcessor} as the starter registers it:
 * an invalid record in the middle of a batch is recovered alone, and the valid records
 * before it reach the method before the error handler commits them.
 */
@SpringJUnitConfig
class KafkaBatchListenerTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final CloudEventKafkaBinding BINDING = new CloudEventKafkaBinding();

	@DynamicPropertySource
	static void topics(DynamicPropertyRegistry registry) {
		String topic = SharedKafkaBroker.newTopic("batch-middle", 1);
		registry.add("topics.batch", () -> topic);
	}

	@Value("${topics.batch}")
	private String topic;

	@Autowired
	private Listener listener;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Test
	void theEventsBeforeAnInvalidRecordReachTheMethodAndOnlyTheInvalidOneIsRecovered() throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer.send(record("e0")).get();
			producer.send(record("e1")).get();
			ProducerRecord<byte[], byte[]> invalid = record("x");
			invalid.headers().remove("ce_id");
			producer.send(invalid).get();
			producer.send(record("e3")).get();
		}
		// one poll gets the four records
		this.registry.getListenerContainer("batch").start();
		List<String> ids = new ArrayList<>();
		await().atMost(TIMEOUT).untilAsserted(() -> {
			List<CloudEvent> batch = this.listener.batches.poll(100, TimeUnit.MILLISECONDS);
			if (batch != null) {
				batch.forEach((event) -> ids.add(event.id()));
			}
			assertThat(ids).containsExactly("e0", "e1", "e3");
		});
		Long recovered = this.listener.recovered.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(recovered).isEqualTo(2L);
		assertThat(this.listener.recovered).isEmpty();
	}

	private ProducerRecord<byte[], byte[]> record(String id) {
		RecordHeaders headers = new RecordHeaders();
		CloudEvent event = CloudEvent.builder()
			.id(id)
			.type("com.example.order")
			.source("/orders")
			.data("application/json", "{}".getBytes(StandardCharsets.UTF_8))
			.build();
		byte[] value = BINDING.write(event, ContentMode.BINARY, headers);
		return new ProducerRecord<>(this.topic, 0, (byte[]) null, value, headers);
	}

	static class Listener {

		final BlockingQueue<List<CloudEvent>> batches = new LinkedBlockingQueue<>();

		final BlockingQueue<Long> recovered = new LinkedBlockingQueue<>();

		@KafkaListener(id = "batch", topics = "${topics.batch}", batch = "true", autoStartup = "false")
		void onBatch(List<CloudEvent> events) {
			this.batches.add(events);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Import(CloudEventListeners.class)
	static class Config {

		@Bean
		Listener listener() {
			return new Listener();
		}

		// no retries: the failure here is one that no retry changes
		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory(Listener listener) {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(
					new DefaultKafkaConsumerFactory<>(
							Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
									ConsumerConfig.GROUP_ID_CONFIG, "batch-middle",
									ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
							new ByteArrayDeserializer(), new ByteArrayDeserializer()));
			factory.setCommonErrorHandler(new DefaultErrorHandler(
					(record, exception) -> listener.recovered.add(record.offset()), new FixedBackOff(0, 0)));
			return factory;
		}

	}

}
