package dev.cloudevents.spring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import dev.cloudevents.spring.FuzzArbitraries;
import dev.cloudevents.spring.FuzzArbitraries.FuzzedMessage;
import dev.cloudevents.spring.StrictJsonOracle;
import dev.cloudevents.spring.http.CloudEventHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends fuzzed requests over real HTTP to a running Spring MVC (Tomcat) and WebFlux
 * (Netty) application: none is answered with 5xx, every 4xx is an
 * {@code application/problem+json} problem, and every event replied is readable. 5,000
 * requests per stack.
 */
class ApplicationFuzzTests {

	// below the servers' 8 KB header limit, whose 431 or 400 answers are not ours
	private static final int MAX_HEADER_VALUE = 1024;

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@AfterContainer
	static void stopApplications() {
		RunningApplication.MVC.stop();
		RunningApplication.WEBFLUX.stop();
	}

	@Property(tries = 5000)
	void mvcApplicationNeverAnswersFuzzWithAServerError(@ForAll("messages") FuzzedMessage message,
			@ForAll("paths") String path) throws Exception {
		answersWithoutServerError(RunningApplication.MVC, message, path);
	}

	@Property(tries = 5000)
	void webFluxApplicationNeverAnswersFuzzWithAServerError(@ForAll("messages") FuzzedMessage message,
			@ForAll("paths") String path) throws Exception {
		answersWithoutServerError(RunningApplication.WEBFLUX, message, path);
	}

	@Example
	void wildcardContentTypeIsAProblemOrAnEventNotAServerError() throws Exception {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "*/*");
		answersWithoutServerError(RunningApplication.MVC, new FuzzedMessage("wildcard", headers, new byte[0]), "/");
		answersWithoutServerError(RunningApplication.WEBFLUX, new FuzzedMessage("wildcard", headers, new byte[0]), "/");
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", "1");
		headers.set("ce-source", "/s");
		headers.set("ce-type", "t");
		FuzzedMessage event = new FuzzedMessage("wildcard event", headers, new byte[] { 1 });
		answersWithoutServerError(RunningApplication.MVC, event, "/reply");
		answersWithoutServerError(RunningApplication.WEBFLUX, event, "/reply");
	}

	@Provide
	Arbitrary<FuzzedMessage> messages() {
		return FuzzArbitraries.messages();
	}

	@Provide
	Arbitrary<String> paths() {
		return Arbitraries.of("/", "/reply", "/batch", "/orders", "/data/map");
	}

	private void answersWithoutServerError(RunningApplication application, FuzzedMessage message, String path)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + application.port() + path))
			.timeout(Duration.ofSeconds(20))
			.POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
		message.headers()
			.forEach((name, values) -> values
				.forEach((value) -> request.header(token(name), sendable(application, name, value))));
		HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		String body = new String(response.body(), StandardCharsets.UTF_8);
		Statistics.collect(response.statusCode());
		assertThat(response.statusCode()).as(body).isLessThan(500);
		HttpHeaders headers = new HttpHeaders();
		response.headers().map().forEach(headers::addAll);
		if (response.statusCode() >= 400) {
			assertThat(headers.getContentType()).as(body)
				.satisfies((type) -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		}
		else if (path.equals("/reply")) {
			assertThat(CloudEventHttp.fromHttp(headers, response.body())).isNotNull();
			if (response.body().length > 0 && headers.getContentType() != null
					&& headers.getContentType().getSubtype().startsWith("cloudevents")) {
				assertThat(StrictJsonOracle.isStrictJson(response.body())).as(body).isTrue();
			}
		}
	}

	/** Keeps the characters of an HTTP token, so that the client sends the header. */
	private static String token(String name) {
		return name.replaceAll("[^!#$%&'*+.^_`|~0-9A-Za-z-]", "x");
	}

	/**
	 * Makes a value the client agrees to send: characters above U+00FF as their UTF-8
	 * bytes (what a raw UTF-8 header puts on the wire), control characters
	 * percent-encoded; at most {@value #MAX_HEADER_VALUE} characters; for WebFlux no
	 * {@code Content-Type} that starts with a quote.
	 */
	private static String sendable(RunningApplication application, String name, String value) {
		if (application == RunningApplication.WEBFLUX && name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
				&& value.strip().startsWith("\"")) {
			// Spring Framework 7.0.8 fails to parse '"a/b' with
			// StringIndexOutOfBoundsException while it creates the exchange, before any
			// application code, and Netty closes the connection without an answer
			return sendable(application, name, "x" + value);
		}
		String bytes = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
		StringBuilder result = new StringBuilder(bytes.length());
		for (char c : bytes.toCharArray()) {
			if (c < 0x20 || c == 0x7F) {
				result.append(String.format("%%%02X", (int) c));
			}
			else {
				result.append(c);
			}
		}
		return result.substring(0, Math.min(result.length(), MAX_HEADER_VALUE)).strip();
	}

}
