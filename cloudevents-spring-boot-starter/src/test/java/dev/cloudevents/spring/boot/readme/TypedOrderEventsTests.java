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

@WebMvcTest(TypedOrderEvents.class)
class TypedOrderEventsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void orderIsReadFromTheEventsData() {
		CloudEvent event = CloudEvent.builder()
			.type("com.example.order.created")
			.source(URI.create("https://example.com/orders"))
			.data(new Order("42", 3))
			.build();
		CloudEventHttpMessage request = CloudEventHttp.toStructured(event);
		assertThat(this.mvc.post().uri("/orders").headers(request.headers()).content(request.body()))
			.hasStatus(HttpStatus.ACCEPTED);
	}

	@Test
	void dataThatIsNoOrderIsAnsweredWithAProblem() {
		assertThat(this.mvc.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-type", "com.example.order.created")
			.header("ce-source", "/orders")
			.contentType(MediaType.APPLICATION_JSON)
			.content("[1, 2]")).hasStatus(HttpStatus.BAD_REQUEST);
	}

}
