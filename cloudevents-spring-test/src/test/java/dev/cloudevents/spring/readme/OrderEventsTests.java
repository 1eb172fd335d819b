package dev.cloudevents.spring.readme;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static dev.cloudevents.spring.test.CloudEventRequests.binary;
import static dev.cloudevents.spring.test.CloudEventRequests.structured;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(OrderEvents.class)
class OrderEventsTests {

	private final CloudEvent event = CloudEvent.builder()
		.type("com.example.order.created")
		.source(URI.create("https://example.com/orders"))
		.id("order-42")
		.data(new Order("42", 3))
		.build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void orderEventIsAccepted() {
		// also binary(event), batch(events)
		assertThat(this.mvc.post().uri("/orders").with(structured(this.event))).hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void replyIsAnEventInTheModeOfTheRequest() {
		MvcTestResult result = this.mvc.post().uri("/").with(binary(this.event)).exchange();
		assertThat(result.getResponse()).isCloudEvent(ContentMode.BINARY)
			.hasType("com.example.order.created.reply")
			.hasSource("https://example.com/replies")
			.hasDataEqualTo("received order-42");
	}

	@Test
	void eventWithoutTypeIsAnsweredWithAProblemNamingIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-source", "/orders")
			.exchange();
		assertThat(result.getResponse()).isProblem().hasStatus(HttpStatus.BAD_REQUEST).namesAttribute("type");
	}

	@Test
	void eventsAreAssertedLikeAnyValue() {
		assertThat(this.event).hasType("com.example.order.created")
			.hasId("order-42")
			.dataAs(Order.class)
			.isEqualTo(new Order("42", 3));
	}

}
