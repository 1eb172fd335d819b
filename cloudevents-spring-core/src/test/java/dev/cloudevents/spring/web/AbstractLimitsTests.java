package dev.cloudevents.spring.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.Filter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.WebFilter;

import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.mvc.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every limit over real HTTP, with {@code java.net.http}: a request at a limit is
 * accepted, one over it is answered 413 (a batch or body too large) or 400 (anything
 * else) with an {@code application/problem+json} body naming the limit, and no handler is
 * invoked. Subclasses start the test application on one web stack with
 * {@link SmallLimits} and a body limit of {@value #MAX_BODY_BYTES} bytes.
 */
abstract class AbstractLimitsTests {

	static final int MAX_BODY_BYTES = MvcTestApplication.MAX_BODY_KB * 1024;

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"";

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@Autowired
	AtomicLong bodyBytesRead;

	@BeforeEach
	void forgetReceivedEvents() {
		this.received.clear();
		this.bodyBytesRead.set(0);
	}

	@Test
	void aBatchAtTheLimitIsAccepted() throws IOException {
		HttpResponse<String> response = post("/batch", batch(SmallLimits.MAX_BATCH_SIZE), "Content-Type",
				"application/cloudevents-batch+json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(this.received.arguments()).singleElement()
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.hasSize(SmallLimits.MAX_BATCH_SIZE);
	}

	@Test
	void aBatchOverTheLimitIsContentTooLarge() throws IOException {
		assertProblem(post("/batch", batch(SmallLimits.MAX_BATCH_SIZE + 1), "Content-Type",
				"application/cloudevents-batch+json"), 413, "max-batch-size", "more than 5 events");
	}

	@Test
	void aStructuredEventAtTheExtensionLimitIsAccepted() throws IOException {
		HttpResponse<String> response = post("/", withExtensions(SmallLimits.MAX_EXTENSIONS), "Content-Type",
				"application/cloudevents+json");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	@Test
	void aStructuredEventWithTooManyExtensionsIsBadRequest() throws IOException {
		assertProblem(post("/", withExtensions(SmallLimits.MAX_EXTENSIONS + 1), "Content-Type",
				"application/cloudevents+json"), 400, "max-extensions", "more than 3 extension attributes");
	}

	@Test
	void aBinaryEventWithTooManyExtensionHeadersIsBadRequest() throws IOException {
		List<String> headers = new ArrayList<>(
				List.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s", "ce-type", "t"));
		for (int i = 0; i <= SmallLimits.MAX_EXTENSIONS; i++) {
			headers.addAll(List.of("ce-ext" + i, "v"));
		}
		assertProblem(post("/", new byte[0], headers.toArray(String[]::new)), 400, "max-extensions",
				"more than 3 extension attributes in ce- headers");
	}

	@Test
	void dataNestedTooDeeplyIsBadRequest() throws IOException {
		String data = "[".repeat(SmallLimits.MAX_NESTING_DEPTH) + "]".repeat(SmallLimits.MAX_NESTING_DEPTH);
		assertProblem(
				post("/", bytes(EVENT + ",\"data\":" + data + "}"), "Content-Type", "application/cloudevents+json"),
				400, "max-nesting-depth", "nested deeper than 8 levels");
	}

	@Test
	void aStringTooLongIsBadRequest() throws IOException {
		String subject = "x".repeat(SmallLimits.MAX_STRING_LENGTH + 1);
		assertProblem(post("/", bytes(EVENT + ",\"subject\":\"" + subject + "\"}"), "Content-Type",
				"application/cloudevents+json"), 400, "max-string-length", "longer than 1000 characters");
	}

	@Test
	void aNumberTooLongIsBadRequest() throws IOException {
		String number = "9".repeat(SmallLimits.MAX_NUMBER_LENGTH + 1);
		assertProblem(post("/", bytes(EVENT + ",\"data\":{\"n\":" + number + "}}"), "Content-Type",
				"application/cloudevents+json"), 400, "max-number-length", "longer than 20 characters");
	}

	/**
	 * A body of 50 MB, made up as it is sent and without a Content-Length, so that only
	 * reading can tell it is too large: the application reads little more than the limit
	 * before it answers. What the server does with the rest is its own affair: Tomcat
	 * swallows up to 2 MB and closes the connection, Reactor Netty discards it as it
	 * arrives.
	 */
	@Test
	void aHugeStreamedBodyIsContentTooLargeWithoutBeingReadToTheEnd() throws IOException {
		long size = 50L * 1024 * 1024;
		AtomicLong sent = new AtomicLong();
		HttpRequest request = HttpRequest.newBuilder(uri("/"))
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.header("Content-Type", "application/octet-stream")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedInputStream(size, sent)))
			.build();
		HttpResponse<String> response = send(request);
		assertProblem(response, 413, null, "Body exceeds the limit of " + MAX_BODY_BYTES + " bytes");
		assertThat(this.bodyBytesRead.get()).isGreaterThan(MAX_BODY_BYTES).isLessThan(2L * MAX_BODY_BYTES);
	}

	private static byte[] batch(int size) {
		return bytes(IntStream.range(0, size).mapToObj((i) -> EVENT + "}").collect(Collectors.joining(",", "[", "]")));
	}

	private static byte[] withExtensions(int count) {
		return bytes(EVENT
				+ IntStream.range(0, count).mapToObj((i) -> ",\"ext" + i + "\":\"v\"").collect(Collectors.joining())
				+ "}");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private HttpResponse<String> post(String path, byte[] body, String... headers) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request.build());
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

	private void assertProblem(HttpResponse<String> response, int status, String limit, String expectedDetail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((contentType) -> assertThat(
				MediaType.parseMediaType(contentType).equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON))
			.isTrue());
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("detail").asString()).contains(expectedDetail);
		if (limit != null) {
			assertThat(problem.path("limit").asString()).isEqualTo(limit);
			assertThat(problem.path("detail").asString()).contains("(limit " + limit + ")");
		}
		assertThat(this.received.invocations()).isZero();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Limits small enough to test quickly, and a filter for each web stack that counts
	 * the body bytes the application reads.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SmallLimits {

		static final int MAX_BATCH_SIZE = 5;

		static final int MAX_EXTENSIONS = 3;

		static final int MAX_NESTING_DEPTH = 8;

		static final int MAX_STRING_LENGTH = 1000;

		static final int MAX_NUMBER_LENGTH = 20;

		@Bean
		EventLimits eventLimits() {
			return EventLimits.defaults()
				.withMaxBatchSize(MAX_BATCH_SIZE)
				.withMaxExtensions(MAX_EXTENSIONS)
				.withMaxNestingDepth(MAX_NESTING_DEPTH)
				.withMaxStringLength(MAX_STRING_LENGTH)
				.withMaxNumberLength(MAX_NUMBER_LENGTH);
		}

		@Bean
		AtomicLong bodyBytesRead() {
			return new AtomicLong();
		}

		@Bean
		Filter countingFilter(AtomicLong bodyBytesRead) {
			return (request, response, chain) -> chain
				.doFilter(new HttpServletRequestWrapper((HttpServletRequest) request) {

					@Override
					public ServletInputStream getInputStream() throws IOException {
						return new CountingInputStream(super.getInputStream(), bodyBytesRead);
					}

				}, response);
		}

		@Bean
		WebFilter countingWebFilter(AtomicLong bodyBytesRead) {
			return (exchange, chain) -> chain
				.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {

					@Override
					public Flux<DataBuffer> getBody() {
						return super.getBody()
							.doOnNext((buffer) -> bodyBytesRead.addAndGet(buffer.readableByteCount()));
					}

				}).build());
		}

	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final AtomicLong count;

		CountingInputStream(ServletInputStream in, AtomicLong count) {
			this.in = in;
			this.count = count;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				this.count.incrementAndGet();
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.in.read(buffer, offset, length);
			if (read > 0) {
				this.count.addAndGet(read);
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

	}

	/**
	 * {@code size} bytes of {@code x}, made up as they are read, counting them.
	 */
	private static final class GeneratedInputStream extends InputStream {

		private final long size;

		private final AtomicLong read;

		GeneratedInputStream(long size, AtomicLong read) {
			this.size = size;
			this.read = read;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : one[0];
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			long left = this.size - this.read.get();
			if (left <= 0) {
				return -1;
			}
			int count = (int) Math.min(length, left);
			Arrays.fill(buffer, offset, offset + count, (byte) 'x');
			this.read.addAndGet(count);
			return count;
		}

	}

}
