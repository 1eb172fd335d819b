package dev.cloudevents.spring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook validation handshake and origin check over real HTTP, with
 * {@code java.net.http}, on a test application that allows {@value #ALLOWED} at
 * {@value #RATE} requests per minute, also on {@link RoutedController}'s methods, which
 * route by event type.
 */
abstract class AbstractWebhookTests {

	static final String ALLOWED = "events.example.com";

	static final int RATE = 120;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}";

	private static final String ROUTED_EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\","
			+ "\"type\":\"com.example.order.cancelled\"}";

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@BeforeEach
	void forgetReceivedEvents() {
		this.received.clear();
	}

	@Test
	void anAllowedOriginGetsConsentAndTheRateOnAnEventEndpoint() throws IOException {
		HttpResponse<String> response = options("/", ALLOWED, "60");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("WebHook-Allowed-Origin")).hasValue(ALLOWED);
		assertThat(response.headers().firstValue("WebHook-Allowed-Rate")).hasValue(String.valueOf(RATE));
		assertThat(allowedMethods(response)).contains("POST", "OPTIONS");
	}

	@Test
	void everyKindOfEventParameterMakesAnEventEndpoint() throws IOException {
		for (String path : List.of("/batch", "/orders", "/data/string")) {
			assertThat(options(path, ALLOWED, null).headers().firstValue("WebHook-Allowed-Origin")).as(path)
				.hasValue(ALLOWED);
		}
	}

	@Test
	void anOriginNotAllowedGetsNoConsent() throws IOException {
		HttpResponse<String> response = options("/", "evil.example", null);
		assertThat(response.headers().firstValue("WebHook-Allowed-Origin")).isEmpty();
		assertThat(response.headers().firstValue("WebHook-Allowed-Rate")).isEmpty();
		assertThat(allowedMethods(response)).contains("POST");
	}

	@Test
	void anEndpointThatReceivesNoEventsIsLeftAlone() throws IOException {
		HttpResponse<String> response = options("/plain", ALLOWED, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("WebHook-Allowed-Origin")).isEmpty();
		assertThat(allowedMethods(response)).contains("POST");
	}

	@Test
	void aDeliveryFromAnOriginNotAllowedIsForbidden() throws IOException {
		HttpResponse<String> response = post("/", "evil.example");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow())
			.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(403);
		assertThat(problem.path("detail").asString())
			.isEqualTo("Deliveries from the origin 'evil.example' are not allowed");
		assertThat(this.received.invocations()).isZero();
	}

	@Test
	void aDeliveryFromAnAllowedOriginOrWithoutOneIsReceived() throws IOException {
		assertThat(post("/", ALLOWED.toUpperCase(Locale.ROOT)).statusCode()).isEqualTo(202);
		assertThat(post("/", null).statusCode()).isEqualTo(202);
		assertThat(this.received.invocations()).isEqualTo(2);
	}

	@Test
	void aPostFromAnOriginNotAllowedToAnEndpointThatReceivesNoEventsIsLeftAlone() throws IOException {
		HttpResponse<String> response = post("/plain", "evil.example");
		assertThat(response.statusCode()).isEqualTo(202);
	}

	@Test
	void aPathWhoseMethodsRouteByEventTypeGetsConsentOnceAndListsPostOnce() throws IOException {
		HttpResponse<String> response = options("/events", ALLOWED, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("WebHook-Allowed-Origin")).containsExactly(ALLOWED);
		assertThat(response.headers().allValues("WebHook-Allowed-Rate")).containsExactly(String.valueOf(RATE));
		assertThat(allowedMethods(response)).containsOnlyOnce("POST");
	}

	@Test
	void aRoutedDeliveryFromAnOriginNotAllowedIsForbiddenAndFromAnAllowedOneReceived() throws IOException {
		assertThat(post("/events", "evil.example", ROUTED_EVENT).statusCode()).isEqualTo(403);
		assertThat(this.received.invocations()).isZero();
		assertThat(post("/events", ALLOWED, ROUTED_EVENT).statusCode()).isEqualTo(202);
		assertThat(this.received.invocations()).isOne();
	}

	private static List<String> allowedMethods(HttpResponse<String> response) {
		return Arrays.stream(response.headers().firstValue("Allow").orElse("").split(",")).map(String::trim).toList();
	}

	private HttpResponse<String> options(String path, String origin, String rate) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("WebHook-Request-Origin", origin);
		if (rate != null) {
			request.header("WebHook-Request-Rate", rate);
		}
		return send(request.build());
	}

	private HttpResponse<String> post(String path, String origin) throws IOException {
		return post(path, origin, EVENT);
	}

	private HttpResponse<String> post(String path, String origin, String event) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString(event));
		if (origin != null) {
			request.header("WebHook-Request-Origin", origin);
		}
		return send(request.build());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	/**
	 * An endpoint that takes a body but no event.
	 */
	@RestController
	static class PlainController {

		@PostMapping("/plain")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void plain(@RequestBody String body) {
		}

	}

}
