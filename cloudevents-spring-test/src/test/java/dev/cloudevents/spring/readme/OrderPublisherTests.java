package dev.cloudevents.spring.readme;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.cloudevents.spring.test.AutoConfigureMockCloudEventTarget;
import dev.cloudevents.spring.test.MockCloudEventTarget;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;

// no server, no port: the auto-configured templates send to the mock target
@SpringBootTest(properties = { "cloudevents.http.sink=http://broker.example/",
		"cloudevents.source=https://example.com/orders" })
@AutoConfigureMockCloudEventTarget
class OrderPublisherTests {

	@Autowired
	private MockCloudEventTarget target;

	@Autowired
	private OrderPublisher publisher;

	@Test
	void orderCreatedIsSentToTheSink() {
		// answered 202; or .andRespond(HttpStatus.CONFLICT), .andReply(event)
		this.target.expect("com.example.order.created");

		this.publisher.orderCreated(new Order("42", 3));

		this.target.verify();
		assertThat(this.target.received().get(0)).hasSource("https://example.com/orders")
			.dataAs(Order.class)
			.isEqualTo(new Order("42", 3));
	}

}
