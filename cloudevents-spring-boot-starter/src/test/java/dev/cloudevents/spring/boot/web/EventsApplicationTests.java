package dev.cloudevents.spring.boot.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.boot.web.EventsApplication.Delivery;
import dev.cloudevents.spring.boot.web.EventsApplication.Inbox;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a full application with only the starter does over real HTTP, on Spring MVC and
 * WebFlux alike; the subclasses start one of each, with a body limit of
 * {@value #MAX_BODY_SIZE}.
 */
abstract class EventsApplicationTests {

	static final String MAX_BODY_SIZE = "2KB";

	private static final CloudEventHttpBinding BINDING = new CloudEventHttpBinding();

	private final RestClient rawClient = RestClient.create();

	@LocalServerPort
	private int port;

	@Autowired
	private Inbox inbox;

	@Autowired
	private RestClient.Builder restClientBuilder;

	@Autowired
	private WebClient.Builder webClientBuilder;

	/**
	 * Return the content mode the application is configured to send in.
	 * @return the configured content mode
	 */
	abstract ContentMode configuredMode();

	@BeforeEach
	void emptyTheInbox() {
		this.inbox.deliveries.clear();
	}

	@ParameterizedTest
	@CsvSource({ "BINARY, V1_0", "BINARY, V0_3", "STRUCTURED, V1_0", "STRUCTURED, V0_3" })
	void receivesAnEventInEitherModeAndSpecVersion(ContentMode mode, SpecVersion version) {
		CloudEvent event = event("in-" + mode + "-" + version, version);
		Response response = post("/events", BINDING.toHttp(event, mode));
		assertThat(response.status()).isEqualTo(202);
		assertThat(this.inbox.deliveries).containsExactly(new Delivery(mode, event));
	}

	@Test
	void receivesABatch() {
		List<CloudEvent> events = List.of(event("b-1", SpecVersion.V1_0), event("b-2", SpecVersion.V1_0));
		Response response = post("/events/batch", CloudEventHttp.toBatch(events));
		assertThat(response.status()).isEqualTo(202);
		assertThat(this.inbox.deliveries).containsExactly(new Delivery(null, events));
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void bindsTheDataOfTheEvent(ContentMode mode) {
		Response response = post("/orders", BINDING.toHttp(TestEvents.orderEvent("o-1"), mode));
		assertThat(response.status()).isEqualTo(202);
		assertThat(this.inbox.deliveries).containsExactly(new Delivery(mode, TestEvents.ORDER));
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void repliesInTheModeOfTheRequest(ContentMode mode) {
		CloudEvent event = event("r-1", SpecVersion.V1_0);
		Response response = post("/reply", BINDING.toHttp(event, mode));
		assertThat(response.status()).isEqualTo(200);
		assertThat(BINDING.contentMode(response.headers())).isEqualTo(mode);
		assertThat(CloudEventHttp.fromHttp(response.headers(), response.body()))
			.isEqualTo(EventController.reply(event));
	}

	@Test
	void answersAnInvalidEventWith400AndAProblem() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", "no-type");
		headers.set("ce-source", "/orders");
		Response response = post("/events", new CloudEventHttpMessage(headers, new byte[0]));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.text()).contains("\"status\":400").contains("type");
		assertThat(this.inbox.deliveries).isEmpty();
	}

	@Test
	void answersABodyOverTheLimitWith413AndAProblem() {
		CloudEvent event = CloudEvent.builder()
			.source("/orders")
			.type("com.example.big")
			.data("text/plain", "x".repeat(4096).getBytes(StandardCharsets.UTF_8))
			.build();
		Response response = post("/events", CloudEventHttp.toStructured(event));
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.inbox.deliveries).isEmpty();
	}

	@Test
	void restClientFromBootsBuilderPostsEventsInTheConfiguredMode() {
		CloudEvent event = event("rest-client", SpecVersion.V1_0);
		this.restClientBuilder.build().post().uri(uri("/events")).body(event).retrieve().toBodilessEntity();
		assertThat(this.inbox.deliveries).containsExactly(new Delivery(configuredMode(), event));
	}

	@Test
	void restClientFromBootsBuilderReadsAReplyEvent() {
		CloudEvent event = event("rest-client-reply", SpecVersion.V0_3);
		CloudEvent reply = this.restClientBuilder.build()
			.post()
			.uri(uri("/reply"))
			.body(event)
			.retrieve()
			.body(CloudEvent.class);
		assertThat(reply).isEqualTo(EventController.reply(event));
	}

	@Test
	void webClientFromBootsBuilderPostsEventsInTheConfiguredMode() {
		CloudEvent event = event("web-client", SpecVersion.V1_0);
		this.webClientBuilder.build().post().uri(uri("/events")).bodyValue(event).retrieve().toBodilessEntity().block();
		assertThat(this.inbox.deliveries).containsExactly(new Delivery(configuredMode(), event));
	}

	@Test
	void webClientFromBootsBuilderReadsAReplyEvent() {
		CloudEvent event = event("web-client-reply", SpecVersion.V1_0);
		CloudEvent reply = this.webClientBuilder.build()
			.post()
			.uri(uri("/reply"))
			.bodyValue(event)
			.retrieve()
			.bodyToMono(CloudEvent.class)
			.block();
		assertThat(reply).isEqualTo(EventController.reply(event));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	Inbox inbox() {
		return this.inbox;
	}

	static CloudEvent event(String id, SpecVersion version) {
		return CloudEvent.builder()
			.specVersion(version)
			.id(id)
			.source("https://example.com/orders")
			.type("com.example.order.created")
			.subject("order-42")
			.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.data("application/json", TestEvents.ORDER_JSON.getBytes(StandardCharsets.UTF_8))
			.build();
	}

	private Response post(String path, CloudEventHttpMessage message) {
		return this.rawClient.post()
			.uri(uri(path))
			.headers((headers) -> headers.addAll(message.headers()))
			.body(message.body())
			.exchange((request, response) -> new Response(response.getStatusCode().value(), response.getHeaders(),
					response.getBody().readAllBytes()));
	}

	record Response(int status, HttpHeaders headers, byte[] body) {

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
