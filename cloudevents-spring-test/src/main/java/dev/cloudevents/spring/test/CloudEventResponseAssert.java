package dev.cloudevents.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.ListAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttpBinding;

/**
 * AssertJ assertions on an HTTP response that should carry a CloudEvent, a batch or a
 * problem, obtained from one of the {@code assertThat} methods of
 * {@link CloudEventAssertions} for a {@code MockMvc} response, a {@code WebTestClient}
 * result or a {@link ResponseEntity}: <pre class="code">
 * assertThat(result.getResponse()).isCloudEvent(ContentMode.BINARY).hasType("com.example.order.accepted");
 * assertThat(result.getResponse()).isProblem().hasStatus(400).namesAttribute("source");
 * </pre> The response is held as a {@code ResponseEntity<byte[]>}. A failure shows the
 * status, headers and body of the response.
 */
public class CloudEventResponseAssert extends AbstractObjectAssert<CloudEventResponseAssert, ResponseEntity<byte[]>> {

	private static final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private static final int MAX_BODY_SHOWN = 2000;

	/**
	 * Create assertions on a response; prefer {@link CloudEventAssertions}.
	 * @param actual the response
	 */
	public CloudEventResponseAssert(ResponseEntity<byte[]> actual) {
		super(actual, CloudEventResponseAssert.class);
	}

	/**
	 * Verify that the response carries one CloudEvent, in either content mode, and return
	 * assertions on it.
	 * @return assertions on the event
	 */
	public CloudEventAssert isCloudEvent() {
		return new CloudEventAssert(readEvent());
	}

	/**
	 * Verify that the response carries one CloudEvent in the given content mode, and
	 * return assertions on it.
	 * @param mode the expected content mode
	 * @return assertions on the event
	 */
	public CloudEventAssert isCloudEvent(ContentMode mode) {
		ContentMode actualMode = binding.contentMode(this.actual.getHeaders());
		if (actualMode != mode) {
			failWithMessage("%nExpecting a CloudEvent in %s content mode but the response is %s%n%s", name(mode),
					(actualMode != null) ? "in " + name(actualMode) + " content mode" : "not a single CloudEvent",
					describe());
		}
		return new CloudEventAssert(readEvent());
	}

	/**
	 * Verify that the response carries a batch of CloudEvents, and return assertions on
	 * them.
	 * @return assertions on the events, in order
	 */
	public ListAssert<CloudEvent> isBatch() {
		if (!binding.isBatch(this.actual.getHeaders())) {
			failWithMessage("%nExpecting a batch of CloudEvents but the response is not one%n%s", describe());
		}
		try {
			return new ListAssert<>(binding.fromHttpBatch(this.actual.getHeaders(), body()));
		}
		catch (InvalidCloudEventException ex) {
			throw failure("%nExpecting a batch of CloudEvents but it is invalid: %s%n%s", ex.getMessage(), describe());
		}
	}

	/**
	 * Verify that the response is an RFC 9457 problem ({@code application/problem+json}
	 * with a 4xx or 5xx status), and return assertions on it.
	 * @return assertions on the problem
	 */
	public CloudEventProblemAssert isProblem() {
		MediaType contentType = this.actual.getHeaders().getContentType();
		if (!this.actual.getStatusCode().isError() || contentType == null
				|| !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)) {
			failWithMessage("%nExpecting a problem (a 4xx or 5xx status with %s) but the response is not one%n%s",
					MediaType.APPLICATION_PROBLEM_JSON, describe());
		}
		return new CloudEventProblemAssert(readProblem());
	}

	private CloudEvent readEvent() {
		try {
			return binding.fromHttp(this.actual.getHeaders(), body());
		}
		catch (InvalidCloudEventException ex) {
			throw failure("%nExpecting a CloudEvent but the response is not a valid one: %s%n%s", ex.getMessage(),
					describe());
		}
	}

	private ProblemDetail readProblem() {
		JsonNode json = readJson(body());
		if (json == null || !json.isObject()) {
			throw failure("%nExpecting a problem detail but the body is not a JSON object%n%s", describe());
		}
		ProblemDetail problem = ProblemDetail.forStatus(this.actual.getStatusCode());
		for (Map.Entry<String, JsonNode> member : json.properties()) {
			JsonNode value = member.getValue();
			switch (member.getKey()) {
				case "status" -> problem.setStatus(value.asInt());
				case "type" -> problem.setType(URI.create(value.asString()));
				case "title" -> problem.setTitle(value.asString());
				case "detail" -> problem.setDetail(value.asString());
				case "instance" -> problem.setInstance(URI.create(value.asString()));
				default -> problem.setProperty(member.getKey(),
						value.isValueNode() ? JsonMapper.shared().treeToValue(value, Object.class) : value);
			}
		}
		return problem;
	}

	private static @Nullable JsonNode readJson(byte[] body) {
		try {
			return JsonMapper.shared().readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private byte[] body() {
		byte[] body = this.actual.getBody();
		return (body != null) ? body : new byte[0];
	}

	private String describe() {
		String body = new String(body(), StandardCharsets.UTF_8);
		if (body.length() > MAX_BODY_SHOWN) {
			body = body.substring(0, MAX_BODY_SHOWN) + "... (" + body().length + " bytes)";
		}
		return "status: " + this.actual.getStatusCode().value() + System.lineSeparator() + "headers: "
				+ headers(this.actual.getHeaders()) + System.lineSeparator() + "body: "
				+ (body.isEmpty() ? "(none)" : body);
	}

	private static String headers(HttpHeaders headers) {
		StringBuilder result = new StringBuilder();
		headers.forEach((name, values) -> result.append((result.isEmpty()) ? "" : ", ")
			.append(name)
			.append('=')
			.append(String.join(",", values)));
		return result.toString();
	}

	private static String name(ContentMode mode) {
		return mode.name().toLowerCase(Locale.ROOT);
	}

	static ResponseEntity<byte[]> response(int status, HttpHeaders headers, byte @Nullable [] body) {
		return ResponseEntity.status(status).headers(headers).body(body);
	}

	static ResponseEntity<byte[]> bytes(ResponseEntity<?> response) {
		Object body = response.getBody();
		byte[] bytes = (body instanceof String text) ? text.getBytes(StandardCharsets.UTF_8)
				: (body instanceof byte[] data) ? data : null;
		if (body != null && bytes == null) {
			throw new IllegalArgumentException("Expected a body of byte[] or String but got " + body.getClass());
		}
		return response(response.getStatusCode().value(), response.getHeaders(), bytes);
	}

}
