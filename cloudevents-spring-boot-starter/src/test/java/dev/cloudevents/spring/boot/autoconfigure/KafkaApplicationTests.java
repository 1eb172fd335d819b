package dev.cloudevents.spring.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;
import dev.cloudevents.spring.annotation.CloudEventData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Boot application with spring-boot-starter-kafka and the starter, configured with
 * {@code spring.kafka.bootstrap-servers} and a group reading from the earliest offset:
 * Boot's container factory, with its String value deserializer, and Boot's producer
 * factory. (Kafka's default, latest, is fixed on the first fetch after the assignment, so
 * a record sent in between could be skipped; {@code KafkaBootstrapServersOnlyTests} runs
 * with nothing else set.)
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class KafkaApplicationTests {

	private static final String TOPIC = SharedKafkaBroker.newTopic("orders", 1);

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafkaBroker::bootstrapServers);
		registry.add("spring.kafka.consumer.auto-offset-reset", () -> "earliest");
		registry.add("orders.topic", () -> TOPIC);
	}

	@Autowired
	private KafkaCloudEventTemplate kafka;

	@Autowired
	private Orders orders;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@BeforeEach
	void listenersAreAssigned() {
		for (MessageListenerContainer container : this.registry.getListenerContainers()) {
			ContainerTestUtils.waitForAssignment(container, 1);
		}
	}

	@Test
	void aListenerTakesEventsAndTypedDataThatTheTemplateSentInEitherMode(CapturedOutput output) throws Exception {
		this.kafka.send(TOPIC, "order-1", event("1", new Order("1", 2))).get();
		this.kafka.send(TOPIC, event("2", new Order("2", 5)), ContentMode.STRUCTURED).get();
		RecordHeaders poison = new RecordHeaders();
		poison.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		poison.add("ce_id", "3".getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(TOPIC, 0, (byte[]) null, "{\"secret\":1}".getBytes(StandardCharsets.UTF_8),
						poison))
				.get();
		}
		this.kafka.send(TOPIC, event("4", new Order("4", 1))).get();
		assertThat(this.orders.received.poll(30, TimeUnit.SECONDS)).isEqualTo(List.of("1", new Order("1", 2)));
		assertThat(this.orders.received.poll(30, TimeUnit.SECONDS)).isEqualTo(List.of("2", new Order("2", 5)));
		assertThat(this.orders.received.poll(30, TimeUnit.SECONDS)).isEqualTo(List.of("4", new Order("4", 1)));
		assertThat(output.getOut()).contains("WARN")
			.contains(
					"Skipped record " + TOPIC + "-0@2, which is not a valid CloudEvent: Attribute 'source' is required")
			.doesNotContain("secret");
	}

	private static CloudEvent event(String id, Order order) {
		return CloudEvent.builder().id(id).type("com.example.order.created").source("/orders").data(order).build();
	}

	record Order(String id, int quantity) {
	}

	static class Orders {

		final BlockingQueue<List<Object>> received = new LinkedBlockingQueue<>();

		@KafkaListener(topics = "${orders.topic}", groupId = "orders")
		void on(@CloudEventData Order order, CloudEvent event) {
			this.received.add(List.of(event.id(), order));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		Orders orders() {
			return new Orders();
		}

	}

}
