package dev.cloudevents.spring.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Player's HTTP contract, against the running app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "player.max-events=5")
class PlayerHttpContractTests {

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private final JsonMapper jsonMapper = JsonMapper.shared();

	@LocalServerPort
	private int port;

	private RestClient client;

	@BeforeEach
	void forgetEarlierEvents() {
		this.client = RestClient.create("http://localhost:" + this.port);
		assertThat(exchange(HttpMethod.DELETE, "/api/events", new HttpHeaders(), null).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void binaryEventIsAcceptedAndListedInTheJsonFormat() {
		ResponseEntity<String> response = postBinary("b-1", "com.example.binary", "{\"order\":42}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode events = receivedEvents();
		assertThat(events.size()).isEqualTo(1);
		JsonNode event = events.get(0);
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("id").asString()).isEqualTo("b-1");
		assertThat(event.get("type").asString()).isEqualTo("com.example.binary");
		assertThat(event.get("source").asString()).isEqualTo("/tests");
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.get("data").get("order").asInt()).isEqualTo(42);
	}

	@Test
	void structuredEventIsAcceptedAndListed() {
		ResponseEntity<String> response = postStructured(structured("s-1", "com.example.structured"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode events = receivedEvents();
		assertThat(events.size()).isEqualTo(1);
		assertThat(events.get(0).get("id").asString()).isEqualTo("s-1");
		assertThat(events.get(0).get("data").get("hello").asString()).isEqualTo("world");
	}

	@Test
	void batchIsAcceptedAndItsEventsListedInOrder() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/cloudevents-batch+json"));
		String batch = "[" + structured("batch-1", "com.example.batch") + ","
				+ structured("batch-2", "com.example.batch") + "]";
		ResponseEntity<String> response = exchange(HttpMethod.POST, "/", headers, batch);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(ids(receivedEvents())).containsExactly("batch-1", "batch-2");
	}

	@Test
	void eventsAreListedOldestFirst() {
		postBinary("first", "com.example.order", "{}");
		postStructured(structured("second", "com.example.order"));
		postBinary("third", "com.example.order", "{}");
		assertThat(ids(receivedEvents())).containsExactly("first", "second", "third");
	}

	@Test
	void deleteForgetsTheEvents() {
		postBinary("forgotten", "com.example.order", "{}");
		ResponseEntity<String> response = exchange(HttpMethod.DELETE, "/api/events", new HttpHeaders(), null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(receivedEvents().size()).isZero();
	}

	@Test
	void invalidEventIsAnsweredWithAProblemAndNotListed() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", "no-source");
		headers.set("ce-type", "com.example.invalid");
		headers.setContentType(MediaType.APPLICATION_JSON);
		assertThat(exchange(HttpMethod.POST, "/", headers, "{}")).isProblem().hasStatus(400).namesAttribute("source");
		assertThat(receivedEvents().size()).isZero();
	}

	@Test
	void malformedStructuredEventIsAnsweredWithAProblem() {
		assertThat(postStructured("{\"specversion\": \"1.0\", \"id\": ")).isProblem().hasStatus(400);
	}

	// the player resolves multipart lazily, so the body is left to the event
	@Test
	void binaryEventWithMultipartDataIsAcceptedAndListedWithItsData() {
		String data = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n--XyZ--\r\n";
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", "multipart");
		headers.set("ce-type", "com.example.form");
		headers.set("ce-source", "/tests");
		headers.set(HttpHeaders.CONTENT_TYPE, "multipart/form-data; boundary=XyZ");
		assertThat(exchange(HttpMethod.POST, "/", headers, data).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		JsonNode event = receivedEvents().get(0);
		assertThat(event.path("datacontenttype").asString()).isEqualTo("multipart/form-data; boundary=XyZ");
		assertThat(Base64.getDecoder().decode(event.path("data_base64").asString()))
			.isEqualTo(data.getBytes(StandardCharsets.UTF_8));
	}

	// Spring Framework 7.0.8 fails to parse a media type that starts with a quote, and
	// the player's /api/send consumes JSON: without the starter's guard, a 500 (raw
	// java.net.http, as Spring's clients parse the header themselves)
	@ParameterizedTest
	@ValueSource(strings = { "Content-Type", "Accept" })
	void mediaTypeSpringFailsToParseIsAnsweredWithAProblem(String header) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/"))
			.header("ce-specversion", "1.0")
			.header("ce-id", "quoted")
			.header("ce-type", "com.example.quoted")
			.header("ce-source", "/tests")
			.header("Content-Type", "application/json")
			.setHeader(header, "\"a/b")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM.toString());
		assertThat(response.body()).contains(header);
		assertThat(receivedEvents().size()).isZero();
	}

	@Test
	void onlyTheNewestEventsAreKeptUnderTheCap() {
		for (int i = 1; i <= 7; i++) {
			postBinary("capped-" + i, "com.example.capped", "{}");
		}
		assertThat(ids(receivedEvents())).containsExactly("capped-3", "capped-4", "capped-5", "capped-6", "capped-7");
	}

	@Test
	void receivedCounterCountsEveryEventBeyondTheCapAndAcrossDeletes() {
		long before = receivedTotal();
		for (int i = 1; i <= 7; i++) {
			postBinary("counted-" + i, "com.example.counted", "{}");
		}
		String batch = "[" + structured("counted-batch-1", "com.example.counted") + ","
				+ structured("counted-batch-2", "com.example.counted") + "]";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/cloudevents-batch+json"));
		exchange(HttpMethod.POST, "/", headers, batch);
		postStructured("{\"specversion\": \"1.0\", \"id\": ");
		exchange(HttpMethod.DELETE, "/api/events", new HttpHeaders(), null);
		assertThat(receivedTotal() - before).isEqualTo(9);
	}

	@Test
	void streamReplaysTheEventsSoFarSaysSoThenPushesNewOnes() throws Exception {
		postBinary("before-subscribing", "com.example.stream", "{}");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/events/stream"))
			.header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
			.timeout(Duration.ofSeconds(10))
			.build();
		HttpClient httpClient = HttpClient.newHttpClient();
		HttpResponse<Stream<String>> response = httpClient.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE))
			.hasValueSatisfying((contentType) -> assertThat(contentType).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE));
		try (Stream<String> lines = response.body()) {
			Iterator<String> stream = lines.iterator();
			JsonNode replayed = nextEnvelope(stream);
			assertThat(replayed.get("event").get("id").asString()).isEqualTo("before-subscribing");
			assertThat(nextEvent(stream, "replayed")).isEmpty();
			postBinary("after-subscribing", "com.example.stream", "{\"live\":true}");
			JsonNode pushed = nextEnvelope(stream);
			assertThat(pushed.get("direction").asString()).isEqualTo("received");
			assertThat(pushed.get("mode").asString()).isEqualTo("binary");
			assertThat(pushed.get("headers").get("ce-id").get(0).asString()).isEqualTo("after-subscribing");
			assertThat(pushed.get("event").get("data").get("live").asBoolean()).isTrue();
			assertThat(pushed.get("sequence").asLong()).isGreaterThan(replayed.get("sequence").asLong());
		}
	}

	@Test
	void sendInBinaryModeToThePlayerItselfDeliversTheEvent() {
		sendToItselfDelivers("binary");
	}

	@Test
	void sendInStructuredModeToThePlayerItselfDeliversTheEvent() {
		sendToItselfDelivers("structured");
	}

	private void sendToItselfDelivers(String mode) {
		String body = """
				{"target": "http://localhost:%d/", "mode": "%s", "event": {"specversion": "1.0", "id": "",
				"type": "com.example.sent", "source": "/player-tests", "subject": "%s",
				"datacontenttype": "application/json", "data": {"sent": true}}}
				""".formatted(this.port, mode, mode);
		ResponseEntity<String> response = postJson("/api/send", body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode result = this.jsonMapper.readTree(response.getBody());
		assertThat(result.get("status").asInt()).isEqualTo(202);
		assertThat(result.get("reply").isNull()).isTrue();
		assertThat(result.get("problem").isNull()).isTrue();
		JsonNode events = receivedEvents();
		assertThat(events.size()).isEqualTo(1);
		JsonNode received = events.get(0);
		assertThat(received.get("type").asString()).isEqualTo("com.example.sent");
		assertThat(received.get("subject").asString()).isEqualTo(mode);
		assertThat(received.get("id").asString()).isNotBlank();
		assertThat(received.get("data").get("sent").asBoolean()).isTrue();
	}

	@Test
	void sendOfASpecVersion03EventWithTextDataDeliversIt() {
		ResponseEntity<String> response = postJson("/api/send", """
				{"target": "http://localhost:%d/", "mode": "structured", "event": {"specversion": "0.3",
				"id": "v03", "type": "com.example.legacy", "source": "/tests", "datacontenttype": "text/plain",
				"data": "plain text"}}
				""".formatted(this.port));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode received = receivedEvents().get(0);
		assertThat(received.get("specversion").asString()).isEqualTo("0.3");
		assertThat(received.get("id").asString()).isEqualTo("v03");
		assertThat(received.get("data").asString()).isEqualTo("plain text");
	}

	@Test
	void sendWithAnUnknownModeIsAnsweredWithAProblem() {
		ResponseEntity<String> response = postJson("/api/send", """
				{"target": "http://localhost:%d/", "mode": "carrier-pigeon",
				"event": {"specversion": "1.0", "type": "com.example", "source": "/tests"}}
				""".formatted(this.port));
		assertThat(response).isProblem().hasStatus(400).hasDetailContaining("mode");
	}

	@Test
	void sendOfAnInvalidEventIsAnsweredWithAProblemNamingTheAttribute() {
		ResponseEntity<String> response = postJson("/api/send", """
				{"target": "http://localhost:%d/", "mode": "binary",
				"event": {"specversion": "1.0", "source": "/tests"}}
				""".formatted(this.port));
		assertThat(response).isProblem().hasStatus(400).namesAttribute("type");
	}

	@Test
	void sendWithABodyThatIsNotJsonIsAnsweredWithAProblem() {
		assertThat(postJson("/api/send", "{\"target\": ")).isProblem().hasStatus(400);
	}

	@Test
	void sendToATargetThatRejectsTheEventAnswersItsStatusAndPassesItsProblemThrough() throws IOException {
		byte[] problem = """
				{"type": "about:blank", "title": "Bad Request", "status": 400,
				"detail": "Attribute 'subject' must name an order", "attribute": "subject"}"""
			.getBytes(StandardCharsets.UTF_8);
		HttpServer target = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		target.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set(HttpHeaders.CONTENT_TYPE, PROBLEM.toString());
			exchange.sendResponseHeaders(400, problem.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(problem);
			}
		});
		target.start();
		try {
			ResponseEntity<String> response = postJson("/api/send", """
					{"target": "http://localhost:%d/orders", "mode": "binary",
					"event": {"specversion": "1.0", "type": "com.example", "source": "/tests"}}
					""".formatted(target.getAddress().getPort()));
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			JsonNode result = this.jsonMapper.readTree(response.getBody());
			assertThat(result.get("status").asInt()).isEqualTo(400);
			assertThat(result.get("reply").isNull()).isTrue();
			assertThat(result.get("problem").get("status").asInt()).isEqualTo(400);
			assertThat(result.get("problem").get("detail").asString())
				.isEqualTo("Attribute 'subject' must name an order");
			assertThat(result.get("problem").get("attribute").asString()).isEqualTo("subject");
		}
		finally {
			target.stop(0);
		}
	}

	@Test
	void sendToAnUnreachableTargetIsAnsweredWithABadGatewayProblemNamingTheTarget() {
		ResponseEntity<String> response = postJson("/api/send", """
				{"target": "http://localhost:1/nobody-home", "mode": "structured",
				"event": {"specversion": "1.0", "type": "com.example", "source": "/tests"}}
				""");
		assertThat(response).isProblem()
			.hasStatus(HttpStatus.BAD_GATEWAY)
			.hasDetailContaining("http://localhost:1/nobody-home")
			.hasDetailContaining("connection refused");
	}

	private JsonNode nextEnvelope(Iterator<String> lines) throws Exception {
		return this.jsonMapper.readTree(nextEvent(lines, "event"));
	}

	// the data of the next server-sent event of that name
	private static String nextEvent(Iterator<String> lines, String name) throws Exception {
		CompletableFuture<String> data = CompletableFuture.supplyAsync(() -> {
			String event = null;
			while (lines.hasNext()) {
				String line = lines.next();
				if (line.isEmpty()) {
					event = null;
				}
				else if (line.startsWith("event:")) {
					event = line.substring("event:".length());
				}
				else if (line.startsWith("data:") && name.equals(event)) {
					return line.substring("data:".length());
				}
			}
			throw new IllegalStateException("The stream ended");
		});
		return data.get(10, TimeUnit.SECONDS);
	}

	private JsonNode receivedEvents() {
		ResponseEntity<String> response = exchange(HttpMethod.GET, "/api/events", new HttpHeaders(), null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		JsonNode events = this.jsonMapper.readTree(response.getBody());
		assertThat(events.isArray()).isTrue();
		return events;
	}

	private long receivedTotal() {
		ResponseEntity<String> response = exchange(HttpMethod.GET, "/actuator/metrics/player.events.received",
				new HttpHeaders(), null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode measurement = this.jsonMapper.readTree(response.getBody()).get("measurements").get(0);
		assertThat(measurement.get("statistic").asString()).isEqualTo("COUNT");
		return measurement.get("value").asLong();
	}

	private static List<String> ids(JsonNode events) {
		return events.valueStream().map((event) -> event.get("id").asString()).toList();
	}

	private static String structured(String id, String type) {
		return """
				{"specversion": "1.0", "id": "%s", "type": "%s", "source": "/tests",
				"datacontenttype": "application/json", "data": {"hello": "world"}}""".formatted(id, type);
	}

	private ResponseEntity<String> postBinary(String id, String type, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", id);
		headers.set("ce-type", type);
		headers.set("ce-source", "/tests");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return exchange(HttpMethod.POST, "/", headers, json);
	}

	private ResponseEntity<String> postStructured(String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType("application/cloudevents+json"));
		return exchange(HttpMethod.POST, "/", headers, json);
	}

	private ResponseEntity<String> postJson(String path, String json) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return exchange(HttpMethod.POST, path, headers, json);
	}

	private ResponseEntity<String> exchange(HttpMethod method, String path, HttpHeaders headers,
			@Nullable String body) {
		RestClient.RequestBodySpec request = this.client.method(method)
			.uri(path)
			.headers((target) -> target.addAll(headers));
		if (body != null) {
			request.body(body.getBytes(StandardCharsets.UTF_8));
		}
		return request.exchange((req, response) -> ResponseEntity.status(response.getStatusCode())
			.headers(response.getHeaders())
			.body(readBody(response.getBody())), true);
	}

	private static String readBody(InputStream body) throws IOException {
		return new String(body.readAllBytes(), StandardCharsets.UTF_8);
	}

}
