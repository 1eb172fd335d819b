package dev.cloudevents.spring.boot.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.boot.web.EventsApplication.Inbox;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Order;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

// the slice includes the starter's auto-configuration: nothing here wires CloudEvents
@WebFluxTest(EventController.class)
class EventControllerWebFluxTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private Inbox inbox;

	@BeforeEach
	void emptyTheInbox() {
		this.inbox.deliveries.clear();
	}

	@Test
	void binaryEventReachesTheController() {
		this.client.post()
			.uri("/events")
			.header("ce-specversion", "1.0")
			.header("ce-id", "b-1")
			.header("ce-source", "https://example.com/orders")
			.header("ce-type", "com.example.order.created")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TestEvents.ORDER_JSON)
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(this.inbox.deliveries).singleElement()
			.satisfies((delivery) -> assertThat(delivery.mode()).isEqualTo(ContentMode.BINARY))
			.extracting((delivery) -> (CloudEvent) delivery.received())
			.satisfies((event) -> assertThat(event.id()).isEqualTo("b-1"))
			.satisfies((event) -> assertThat(new JsonEventFormat().dataAs(event, Order.class))
				.isEqualTo(TestEvents.ORDER));
	}

	@Test
	void structuredEventReachesTheController() {
		this.client.post()
			.uri("/events")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.bodyValue(TestEvents.STRUCTURED_1_0)
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(this.inbox.deliveries).singleElement()
			.satisfies((delivery) -> assertThat(delivery.mode()).isEqualTo(ContentMode.STRUCTURED))
			.extracting((delivery) -> ((CloudEvent) delivery.received()).id())
			.isEqualTo("s-1");
	}

	@Test
	void replyIsReadBackAsAnEvent() {
		CloudEvent event = TestEvents.orderEvent("r-1");
		CloudEvent reply = this.client.post()
			.uri("/reply")
			.bodyValue(event)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CloudEvent.class)
			.returnResult()
			.getResponseBody();
		assertThat(reply).isEqualTo(EventController.reply(event));
	}

	@Test
	void invalidEventIsAnsweredWith400AndAProblem() {
		this.client.post()
			.uri("/events")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.bodyValue("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/s\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400);
		assertThat(this.inbox.deliveries).isEmpty();
	}

}
