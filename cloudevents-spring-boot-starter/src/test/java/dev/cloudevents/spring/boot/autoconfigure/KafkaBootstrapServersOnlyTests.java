package dev.cloudevents.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.ContainerTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": a new application with spring-boot-starter-kafka and the
 * starter, {@code spring.kafka.bootstrap-servers} and nothing else set, with the listener
 * exactly as DESIGN.md shows it: no group anywhere, so the listener joins the default
 * group {@value DefaultConsumerGroupCustomizer#FALLBACK_GROUP_ID}.
 */
@SpringBootTest
@DirtiesContext
class KafkaBootstrapServersOnlyTests {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		SharedKafkaBroker.newTopicNamed("orders", 1);
		registry.add("spring.kafka.bootstrap-servers", SharedKafkaBroker::bootstrapServers);
	}

	@Autowired
	private KafkaCloudEventTemplate kafka;

	@Autowired
	private Orders orders;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Test
	void aListenerWithoutAGroupTakesTheEventsTheTemplateSends() throws Exception {
		MessageListenerContainer container = this.registry.getListenerContainers().iterator().next();
		assertThat(container.getGroupId()).isEqualTo("application");
		ContainerTestUtils.waitForAssignment(container, 1);
		// Kafka's default auto.offset.reset is latest, and the consumer takes the end
		// offset
		// on its first poll after the assignment: what was sent before that is not for
		// it,
		// so send until an event arrives
		Set<String> sent = new HashSet<>();
		List<CloudEvent> received = new ArrayList<>();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			// Order-shaped data: the README's listeners on "orders" may read it too
			CloudEvent event = CloudEvent.builder()
				.type("com.example.order.created")
				.source("/orders")
				.data(Map.of("id", "7", "quantity", 1))
				.build();
			sent.add(event.id());
			this.kafka.send("orders", event).get(30, TimeUnit.SECONDS);
			CloudEvent one = this.orders.received.poll(1, TimeUnit.SECONDS);
			if (one != null) {
				received.add(one);
			}
			return one != null;
		});
		assertThat(received).hasSize(1).allSatisfy((event) -> {
			assertThat(sent).contains(event.id());
			assertThat(event.source()).hasToString("/orders");
		});
	}

	static class Orders {

		final BlockingQueue<CloudEvent> received = new LinkedBlockingQueue<>();

		@KafkaListener(topics = "orders")
		void on(CloudEvent event) {
			this.received.add(event);
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
