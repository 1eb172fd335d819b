package dev.cloudevents.spring.test;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

// the starter's Kafka template, configured from properties, with no broker
@SpringBootTest(classes = OrdersApplication.class,
		properties = { "spring.main.web-application-type=none", "cloudevents.kafka.topic=orders",
				"cloudevents.source=https://example.com/orders", "cloudevents.kafka.content-mode=structured" })
@AutoConfigureMockKafkaCloudEventTarget
class AutoConfigureMockKafkaCloudEventTargetTests {

	@Autowired
	private MockKafkaCloudEventTarget target;

	@Autowired
	private KafkaCloudEventTemplate kafka;

	@Test
	void autoConfiguredTemplateSendsToTheTarget() {
		this.target.expect("com.example.order.created");
		this.kafka.sendDefault("com.example.order.created", new Order("42", 3)).join();
		this.target.verify();
		assertThat(this.target.records()).singleElement().satisfies((record) -> {
			assertThat(record.topic()).isEqualTo("orders");
			assertThat(record.event()).hasSource("https://example.com/orders")
				.dataAs(Order.class)
				.isEqualTo(new Order("42", 3));
		});
	}

}
