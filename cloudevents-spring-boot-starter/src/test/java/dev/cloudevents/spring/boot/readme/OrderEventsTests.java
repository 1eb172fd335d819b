package dev.cloudevents.spring.boot.readme;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(OrderEvents.class) // the starter's auto-configuration is part of the slice
class OrderEventsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void orderEventIsAccepted() {
		CloudEvent event = CloudEvent.builder()
			.type("com.example.order.created")
			.source(URI.create("https://example.com/orders"))
			.data(new Order("42", 3))
			.build();
		// or toStructured(event)
		CloudEventHttpMessage request = CloudEventHttp.toBinary(event);
		assertThat(this.mvc.post().uri("/orders").headers(request.headers()).content(request.body()))
			.hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void eventWithoutSourceIsAnsweredWithAProblem() {
		assertThat(this.mvc.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-type", "com.example.order.created")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("source");
	}

}
