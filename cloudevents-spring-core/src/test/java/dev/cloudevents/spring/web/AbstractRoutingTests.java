package dev.cloudevents.spring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.list;

/**
 * Routing by {@code @CloudEventMapping} over real HTTP, with {@code java.net.http}, on
 * {@link RoutedController}: in binary and structured mode and in both spec versions.
 */
abstract class AbstractRoutingTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@Autowired
	Decoded decoded;

	@BeforeEach
	void forgetReceivedEvents() {
		this.received.clear();
		this.decoded.clear();
	}

	static Stream<Arguments> modesAndVersions() {
		return Stream.of(ContentMode.values())
			.flatMap((mode) -> Stream.of(SpecVersion.values()).map((version) -> Arguments.of(mode, version)));
	}

	@ParameterizedTest
	@MethodSource("modesAndVersions")
	void eachEventReachesTheMostSpecificMethodForIt(ContentMode mode, SpecVersion version) throws IOException {
		Map<String, String> expected = Map.of("com.example.order.created",
				(version == SpecVersion.V0_3) ? "createdInVersion03" : "created", "com.example.order.cancelled",
				"orderEvents", "com.example.order.item.added", "itemEvents", "com.example.shipment.returned",
				"shipments");
		for (Map.Entry<String, String> route : expected.entrySet()) {
			this.received.clear();
			CloudEvent event = event(version, route.getKey(), "https://example.com/orders");
			assertThat(post("/events", event, mode).statusCode()).as(route.getKey()).isEqualTo(202);
			assertThat(invocation()).as(route.getKey()).first().isEqualTo(route.getValue());
			assertThat(invocation()).last().isInstanceOfSatisfying(CloudEvent.class, (received) -> {
				assertThat(received.id()).isEqualTo(event.id());
				assertThat(received.type()).isEqualTo(route.getKey());
				assertThat(received.specVersion()).isEqualTo(version);
			});
		}
	}

	@ParameterizedTest
	@MethodSource("modesAndVersions")
	void aMethodThatNamesTheSourceWinsForEventsFromIt(ContentMode mode, SpecVersion version) throws IOException {
		post("/events", event(version, "com.example.shipment.sent", RoutedController.WAREHOUSE), mode);
		post("/events", event(version, "com.example.shipment.delivered", RoutedController.WAREHOUSE), mode);
		post("/events", event(version, "com.example.shipment.sent", "https://example.com/store"), mode);
		assertThat(methodNames()).containsExactly("warehouseShipments", "warehouseShipments", "shipments");
	}

	@ParameterizedTest
	@MethodSource("modesAndVersions")
	void theEventIsDecodedOnceAndThatEventIsHandedToTheMethod(ContentMode mode, SpecVersion version)
			throws IOException {
		assertThat(post("/events", event(version, "com.example.order.cancelled", "/s"), mode).statusCode())
			.isEqualTo(202);
		assertThat(this.decoded.results()).hasSize(1);
		assertThat(invocation().get(1)).isSameAs(this.decoded.results().get(0));
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void eachMethodGetsTheDataAsItsOwnType(ContentMode mode) throws IOException {
		post("/events", event(SpecVersion.V1_0, "com.example.order.created", "/s"), mode);
		assertThat(invocation().get(1)).isEqualTo(TestEvents.ORDER);
		this.received.clear();
		post("/events", event(SpecVersion.V1_0, "com.example.shipment.sent", RoutedController.WAREHOUSE), mode);
		assertThat(invocation().get(1)).isEqualTo(TestEvents.ORDER_JSON);
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void aReplyIsWrittenInTheModeOfTheRequest(ContentMode mode) throws IOException {
		HttpResponse<String> response = post("/events", event(SpecVersion.V1_0, "com.example.ping", "/s"), mode);
		assertThat(response.statusCode()).isEqualTo(200);
		CloudEvent reply = CloudEventHttp.fromHttp(headers(response), response.body().getBytes(StandardCharsets.UTF_8));
		assertThat(reply.type()).isEqualTo("com.example.reply");
		assertThat(response.headers().firstValue("ce-type").isPresent()).isEqualTo(mode == ContentMode.BINARY);
	}

	@ParameterizedTest
	@MethodSource("modesAndVersions")
	void anEventNoMethodTakesIsUnprocessableAndTheProblemNamesTheAcceptedTypes(ContentMode mode, SpecVersion version)
			throws IOException {
		HttpResponse<String> response = post("/events", event(version, "com.example.invoice.paid", "/s"), mode);
		JsonNode problem = problem(response, 422);
		assertThat(problem.path("eventType").asString()).isEqualTo("com.example.invoice.paid");
		assertThat(problem.path("acceptedTypes").valueStream().map(JsonNode::asString))
			.containsExactlyElementsOf(RoutedController.EVENTS_TYPES);
		assertThat(problem.path("detail").asString()).contains("type 'com.example.invoice.paid'", "source '/s'",
				"specversion " + version.value());
		assertThat(problem.path("instance").asString()).isEqualTo("/events");
		assertThat(this.received.invocations()).isZero();
	}

	@ParameterizedTest
	@MethodSource("modesAndVersions")
	void anEventNoRoutedMethodTakesGoesToTheMethodWithoutMapping(ContentMode mode, SpecVersion version)
			throws IOException {
		CloudEvent created = event(version, "com.example.order.created", "/s");
		CloudEvent paid = event(version, "com.example.invoice.paid", "/s");
		assertThat(post("/fallback", created, mode).statusCode()).isEqualTo(202);
		assertThat(post("/fallback", paid, mode).statusCode()).isEqualTo(202);
		assertThat(methodNames()).containsExactly("fallbackCreated", "fallback");
		assertThat(((List<?>) this.received.arguments().get(1)).get(1)).asInstanceOf(list(CloudEvent.class))
			.singleElement()
			.extracting(CloudEvent::id)
			.isEqualTo(paid.id());
	}

	@Test
	void aBatchGoesToTheMethodWithoutMapping() throws IOException {
		CloudEventHttpMessage batch = CloudEventHttp
			.toBatch(List.of(event(SpecVersion.V1_0, "com.example.order.created", "/s"),
					event(SpecVersion.V1_0, "com.example.invoice.paid", "/s")));
		assertThat(send("/fallback", batch, Map.of()).statusCode()).isEqualTo(202);
		assertThat(invocation().get(0)).isEqualTo("fallback");
		assertThat((List<?>) invocation().get(1)).hasSize(2);
	}

	@Test
	void aBatchIsUnsupportedWhereEveryMethodRoutes() throws IOException {
		CloudEventHttpMessage batch = CloudEventHttp
			.toBatch(List.of(event(SpecVersion.V1_0, "com.example.order.created", "/s")));
		JsonNode problem = problem(send("/events", batch, Map.of()), 415);
		assertThat(problem.path("detail").asString()).startsWith("A batch is not routed by event type");
		assertThat(this.received.invocations()).isZero();
	}

	@Test
	void aRequestWithoutAnEventIsBadWhereEveryMethodRoutes() throws IOException {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/events"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build());
		JsonNode problem = problem(response, 400);
		assertThat(problem.path("attribute").asString()).isEqualTo("specversion");
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void anInvalidEventIsBadBeforeAnyMethodIsChosen(ContentMode mode) throws IOException {
		HttpResponse<String> response = (mode == ContentMode.BINARY)
				? send(HttpRequest.newBuilder(uri("/events"))
					.header("ce-specversion", "1.0")
					.header("ce-id", "1")
					.header("ce-source", "/s")
					.POST(HttpRequest.BodyPublishers.noBody())
					.build())
				: send(HttpRequest.newBuilder(uri("/events"))
					.header("Content-Type", "application/cloudevents+json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\"}"))
					.build());
		assertThat(problem(response, 400).path("attribute").asString()).isEqualTo("type");
	}

	@Test
	void aStructuredEventOverTheBodyLimitIsTooLarge() throws IOException {
		String padding = "x".repeat(maxBodyBytes());
		String body = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"com.example.order.created\","
				+ "\"data\":\"" + padding + "\"}";
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/events"))
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
		problem(response, 413);
		assertThat(this.received.invocations()).isZero();
	}

	/**
	 * Return the body limit of the application under test.
	 * @return the limit in bytes
	 */
	abstract int maxBodyBytes();

	@Test
	void consumesNarrowsTheMethodsBeforeTheEventIsMatched() throws IOException {
		CloudEvent event = event(SpecVersion.V1_0, "com.example.order.created", "/s");
		assertThat(post("/structured", event, ContentMode.STRUCTURED).statusCode()).isEqualTo(202);
		assertThat(invocation().get(0)).isEqualTo("structuredOnly");
		assertThat(post("/structured", event, ContentMode.BINARY).statusCode()).isEqualTo(415);
	}

	@Test
	void producesIsNegotiatedForTheMethodThatTakesTheEvent() throws IOException {
		CloudEvent status = event(SpecVersion.V1_0, "com.example.status", "/s");
		HttpResponse<String> json = post("/status", status, ContentMode.STRUCTURED,
				Map.of("Accept", MediaType.APPLICATION_JSON_VALUE));
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(json.body()).path("id").asString()).isEqualTo(status.id());
		assertThat(post("/status", status, ContentMode.BINARY, Map.of("Accept", "text/plain")).statusCode())
			.isEqualTo(406);
		this.received.clear();
		HttpResponse<String> ping = post("/status", event(SpecVersion.V1_0, "com.example.ping", "/s"),
				ContentMode.STRUCTURED, Map.of());
		assertThat(ping.statusCode()).isEqualTo(200);
		assertThat(invocation().get(0)).isEqualTo("statusPing");
	}

	private List<Object> methodNames() {
		return this.received.arguments().stream().<Object>map((arguments) -> ((List<?>) arguments).get(0)).toList();
	}

	private List<?> invocation() {
		assertThat(this.received.invocations()).isEqualTo(1);
		return (List<?>) this.received.arguments().get(0);
	}

	static CloudEvent event(SpecVersion version, String type, String source) {
		return CloudEvent.builder()
			.specVersion(version)
			.source(source)
			.type(type)
			.data("application/json", TestEvents.ORDER_JSON.getBytes(StandardCharsets.UTF_8))
			.build();
	}

	HttpResponse<String> post(String path, CloudEvent event, ContentMode mode) throws IOException {
		return post(path, event, mode, Map.of());
	}

	private HttpResponse<String> post(String path, CloudEvent event, ContentMode mode, Map<String, String> headers)
			throws IOException {
		CloudEventHttpMessage message = (mode == ContentMode.BINARY) ? CloudEventHttp.toBinary(event)
				: CloudEventHttp.toStructured(event);
		return send(path, message, headers);
	}

	private HttpResponse<String> send(String path, CloudEventHttpMessage message, Map<String, String> headers)
			throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
		message.headers().forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		headers.forEach(request::header);
		return send(request.build());
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	static HttpResponse<String> send(HttpRequest request) throws IOException {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	static HttpHeaders headers(HttpResponse<?> response) {
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		return headers;
	}

	static JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(MediaType.parseMediaType(response.headers().firstValue("Content-Type").orElseThrow())
			.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		return problem;
	}

	static List<String> allowedMethods(HttpResponse<String> response) {
		return Arrays.stream(response.headers().firstValue("Allow").orElse("").split(",")).map(String::trim).toList();
	}

}
