package dev.cloudevents.spring.boot.readme;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = KafkaRoutedOrderEventsTests.Application.class,
		properties = "spring.kafka.consumer.auto-offset-reset=earliest")
@ExtendWith(OutputCaptureExtension.class)
class KafkaRoutedOrderEventsTests {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		SharedKafkaBroker.newTopicNamed("order-events", 1);
		registry.add("spring.kafka.bootstrap-servers", SharedKafkaBroker::bootstrapServers);
	}

	@Autowired
	private KafkaCloudEventTemplate kafka;

	@Test
	void eachEventReachesTheMethodOfItsTypeInBothContentModes(CapturedOutput output) throws Exception {
		this.kafka.send("order-events", event("com.example.order.created", "c1", new Order("42", 3))).get();
		this.kafka
			.send("order-events", event("com.example.order.shipped", "s1", new Order("42", 3)), ContentMode.STRUCTURED)
			.get();
		this.kafka.send("order-events", event("com.example.invoice.paid", "i1", null), ContentMode.STRUCTURED).get();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getOut()).contains("routed: order 42 created")
				.contains("routed: com.example.order.shipped s1")
				.contains("not routed: com.example.invoice.paid"));
	}

	private static CloudEvent event(String type, String id, @Nullable Order order) {
		return CloudEvent.builder().type(type).id(id).source("https://example.com/orders").data(order).build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(KafkaRoutedOrderEvents.class)
	static class Application {

	}

}
