package dev.cloudevents.spring.boot.autoconfigure;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
	void aListenerWithoutAGroupTakesTheEventTheTemplateSent() throws Exception {
		MessageListenerContainer container = this.registry.getListenerContainers().iterator().next();
		assertThat(container.getGroupId()).isEqualTo("application");
		// Kafka's default auto.offset.reset is latest: send once the partition is
		// assigned
		ContainerTestUtils.waitForAssignment(container, 1);
		// Order-shaped data: the README's listeners on "orders" may read it too
		CloudEvent event = CloudEvent.builder()
			.type("com.example.order.created")
			.source("/orders")
			.data(Map.of("id", "7", "quantity", 1))
			.build();
		this.kafka.send("orders", event).get(30, TimeUnit.SECONDS);
		CloudEvent received = this.orders.received.poll(30, TimeUnit.SECONDS);
		assertThat(received).isNotNull();
		assertThat(received.id()).isEqualTo(event.id());
		assertThat(received.source()).isEqualTo(event.source());
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
