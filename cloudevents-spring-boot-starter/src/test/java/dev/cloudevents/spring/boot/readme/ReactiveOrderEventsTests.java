package dev.cloudevents.spring.boot.readme;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cloudevents.spring.CloudEvent;

@WebFluxTest(ReactiveOrderEvents.class)
class ReactiveOrderEventsTests {

	@Autowired
	private WebTestClient client;

	@Test
	void orderEventIsAccepted() {
		CloudEvent event = CloudEvent.builder()
			.type("com.example.order.created")
			.source(URI.create("https://example.com/orders"))
			.data(new Order("42", 3))
			.build();
		this.client.post()
			.uri("/orders")
			// written by the starter's codec, in cloudevents.http.content-mode
			.bodyValue(event)
			.exchange()
			.expectStatus()
			.isAccepted();
	}

}
