package dev.cloudevents.spring.test;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.client.CloudEventDeliveryException;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

// the starter's templates, configured from properties, with no server and no port
@SpringBootTest(classes = OrdersApplication.class,
		properties = { "spring.main.web-application-type=none", "cloudevents.http.sink=http://broker.example/",
				"cloudevents.source=https://example.com/orders", "cloudevents.http.content-mode=structured" })
@AutoConfigureMockCloudEventTarget
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureMockCloudEventTargetTests {

	@Autowired
	private MockCloudEventTarget target;

	@Autowired
	private CloudEventTemplate template;

	@Autowired
	private ReactiveCloudEventTemplate reactiveTemplate;

	@Test
	@org.junit.jupiter.api.Order(1)
	void autoConfiguredTemplatesDeliverToTheTarget() {
		this.target.expect("com.example.order.created");
		this.target.expect("com.example.order.shipped");
		this.template.send("com.example.order.created", new Order("42", 3));
		this.reactiveTemplate.send("com.example.order.shipped", null).block(Duration.ofSeconds(10));
		this.target.verify();
		assertThat(this.target.requests()).allSatisfy((request) -> {
			assertThat(request.uri()).isEqualTo(URI.create("http://broker.example/"));
			assertThat(request.mode()).isEqualTo(ContentMode.STRUCTURED);
		});
		assertThat(this.target.received().get(0)).hasSource("https://example.com/orders")
			.dataAs(Order.class)
			.isEqualTo(new Order("42", 3));
	}

	@Test
	@org.junit.jupiter.api.Order(2)
	void targetIsResetAfterEachTest() {
		assertThat(this.target.received()).isEmpty();
		this.target.verify();
	}

	@Test
	@org.junit.jupiter.api.Order(3)
	void targetAnswersTheTemplateAsTold() {
		this.target.expect("com.example.order.created").andRespond(HttpStatus.CONFLICT);
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send("com.example.order.created", null))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
	}

}
