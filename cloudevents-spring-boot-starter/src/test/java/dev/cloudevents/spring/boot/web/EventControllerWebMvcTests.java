package dev.cloudevents.spring.boot.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.boot.web.EventsApplication.Inbox;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Order;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

// the slice includes the starter's auto-configuration: nothing here wires CloudEvents
@WebMvcTest(EventController.class)
class EventControllerWebMvcTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Inbox inbox;

	@BeforeEach
	void emptyTheInbox() {
		this.inbox.deliveries.clear();
	}

	@Test
	void binaryEventReachesTheController() {
		assertThat(this.mvc.post()
			.uri("/events")
			.header("ce-specversion", "1.0")
			.header("ce-id", "b-1")
			.header("ce-source", "https://example.com/orders")
			.header("ce-type", "com.example.order.created")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestEvents.ORDER_JSON)).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.inbox.deliveries).singleElement()
			.satisfies((delivery) -> assertThat(delivery.mode()).isEqualTo(ContentMode.BINARY))
			.extracting((delivery) -> (CloudEvent) delivery.received())
			.satisfies((event) -> assertThat(event.id()).isEqualTo("b-1"))
			.satisfies((event) -> assertThat(new JsonEventFormat().dataAs(event, Order.class))
				.isEqualTo(TestEvents.ORDER));
	}

	@Test
	void structuredEventReachesTheController() {
		assertThat(this.mvc.post()
			.uri("/events")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.content(TestEvents.STRUCTURED_0_3)).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.inbox.deliveries).singleElement()
			.satisfies((delivery) -> assertThat(delivery.mode()).isEqualTo(ContentMode.STRUCTURED))
			.extracting((delivery) -> ((CloudEvent) delivery.received()).id())
			.isEqualTo("s-3");
	}

	@Test
	void invalidEventIsAnsweredWith400AndAProblem() {
		assertThat(this.mvc.post()
			.uri("/events")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.content("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo(400);
		assertThat(this.inbox.deliveries).isEmpty();
	}

}
