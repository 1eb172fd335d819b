package dev.cloudevents.spring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import dev.cloudevents.spring.InvalidEvents;
import dev.cloudevents.spring.InvalidEvents.InvalidEvent;
import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.web.InvalidRequests.InvalidRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every case of {@link InvalidEvents} and {@link InvalidRequests}, posted with
 * {@code java.net.http} (so that no client library reshapes the request) to a running
 * test application: each must be answered 4xx with an {@code application/problem+json}
 * body whose {@code detail} says what is wrong, without a stack trace, and no handler may
 * be invoked. Subclasses start the application on one web stack, with a body limit of
 * {@value #MAX_BODY_BYTES} bytes.
 */
abstract class AbstractInvalidInputTests {

	static final int MAX_BODY_BYTES = MvcTestApplication.MAX_BODY_KB * 1024;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@BeforeEach
	void forgetReceivedEvents() {
		this.received.clear();
	}

	@AfterEach
	void noHandlerWasInvoked() {
		assertThat(this.received.invocations()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.cloudevents.spring.InvalidEvents#events")
	void anInvalidStructuredEventIsAProblem(InvalidEvent invalid) throws IOException {
		assertInvalidEventIsAProblem("/", invalid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.cloudevents.spring.InvalidEvents#batches")
	void anInvalidBatchIsAProblem(InvalidEvent invalid) throws IOException {
		assertProblem(post("/batch", List.of("Content-Type", invalid.contentType()), invalid.body()), 400,
				invalid.expectedMessage());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidEventsAsTheFirstOfABatch")
	void aBatchHoldingAnInvalidEventIsAProblem(InvalidEvent invalid) throws IOException {
		assertProblem(post("/batch", List.of("Content-Type", invalid.contentType()), invalid.body()), 400,
				invalid.expectedMessage());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void anInvalidRequestIsAProblem(InvalidRequest invalid) throws IOException {
		assertInvalidRequestIsAProblem(invalid.path(), invalid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidUtf8InData")
	void invalidUtf8InDataIsAProblemWhoseAttributeIsData(InvalidEvent invalid) throws IOException {
		HttpResponse<String> response = post(invalid.isBatch() ? "/batch" : "/",
				List.of("Content-Type", invalid.contentType()), invalid.body());
		assertProblem(response, 400, invalid.expectedMessage());
		assertThat(JSON.readTree(response.body()).path("attribute").asString()).isEqualTo("data");
	}

	/**
	 * Post an invalid event and check the answer.
	 */
	void assertInvalidEventIsAProblem(String path, InvalidEvent invalid) throws IOException {
		assertProblem(post(path, List.of("Content-Type", invalid.contentType()), invalid.body()), 400,
				invalid.expectedMessage());
	}

	/**
	 * Post an invalid request to the given path instead of its own, and check the answer.
	 */
	void assertInvalidRequestIsAProblem(String path, InvalidRequest invalid) throws IOException {
		assertProblem(post(path, invalid.headers(), invalid.body()), invalid.status(), invalid.expectedDetail());
	}

	/**
	 * The single events whose fault lies in one attribute, each wrapped alone in a batch.
	 */
	static Stream<InvalidEvent> invalidEventsAsTheFirstOfABatch() {
		return InvalidEvents.events()
			.filter((invalid) -> invalid.expectedMessage().startsWith("Attribute "))
			.map((invalid) -> new InvalidEvent(invalid.name() + " in a batch", wrap(invalid.body()),
					InvalidEvents.BATCH, invalid.expectedMessage()));
	}

	static Stream<InvalidEvent> invalidUtf8InData() {
		return InvalidEvents.all()
			.stream()
			.filter((invalid) -> invalid.expectedMessage().startsWith("Attribute 'data' must be valid UTF-8"));
	}

	static List<InvalidRequest> invalidRequests() {
		return InvalidRequests.all(MAX_BODY_BYTES);
	}

	/**
	 * The requests meant for {@code POST /}, to replay against other single-event
	 * endpoints.
	 */
	static Stream<InvalidRequest> invalidSingleEventRequests() {
		return invalidRequests().stream().filter((invalid) -> invalid.path().equals("/"));
	}

	private static byte[] wrap(byte[] event) {
		byte[] batch = new byte[event.length + 2];
		batch[0] = '[';
		System.arraycopy(event, 0, batch, 1, event.length);
		batch[batch.length - 1] = ']';
		return batch;
	}

	private HttpResponse<String> post(String path, List<String> headers, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i < headers.size(); i += 2) {
			request.header(headers.get(i), headers.get(i + 1));
		}
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static void assertProblem(HttpResponse<String> response, int status, String expectedDetail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((contentType) -> assertThat(
				MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
			.as("%s %s", contentType, response.body())
			.isTrue());
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).contains(expectedDetail);
		assertThat(response.body()).doesNotContain("at dev.", "at org.", "Exception", "\"trace\"");
	}

}
