package dev.cloudevents.spring.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tries to smuggle CR and LF through every attribute, an extension and the content type,
 * outgoing (events the binding writes) and incoming (raw requests to running MVC and
 * WebFlux applications that echo events back): no second header and no split response
 * ever appears.
 */
class HeaderInjectionTests {

	private static final List<String> LINE_BREAKS = List.of("\r", "\n", "\r\n", "%0D%0A", "\u0085", "\u2028",
			"\u010D\u010A");

	private static final List<String> ATTRIBUTES = List.of("id", "source", "type", "subject", "dataschema",
			"datacontenttype", "ext");

	@AfterAll
	static void stopApplications() {
		RunningApplication.MVC.stop();
		RunningApplication.WEBFLUX.stop();
	}

	static Stream<Arguments> attemptsOnEveryAttribute() {
		return ATTRIBUTES.stream()
			.flatMap((name) -> LINE_BREAKS.stream().map((lineBreak) -> Arguments.of(name, lineBreak)));
	}

	@ParameterizedTest(name = "{0} with {index}")
	@MethodSource("attemptsOnEveryAttribute")
	void lineBreakInAnAttributeIsRejectedOrEncodedToVisibleAscii(String attribute, String lineBreak) {
		CloudEvent event;
		try {
			event = eventWith(attribute, "a" + lineBreak + "Set-Cookie: x=1");
		}
		catch (InvalidCloudEventException ex) {
			assertThat(ex.getAttribute()).isEqualTo(attribute);
			return;
		}
		CloudEventHttpMessage message = CloudEventHttp.toBinary(event);
		message.headers().forEach((name, values) -> {
			int lowest = name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) ? 0x20 : 0x21;
			values.forEach((value) -> assertThat(value.chars()).as(name + ": " + value)
				.allMatch((c) -> c >= lowest && c <= 0x7E));
		});
		if (lineBreak.equals("%0D%0A") && !attribute.equals("datacontenttype")) {
			assertThat(message.headers().getFirst("ce-" + attribute)).contains("%250D%250A");
		}
		assertThat(CloudEventHttp.fromHttp(message.headers(), message.body())).isEqualTo(event);
	}

	@Test
	void eventSentOverHttpPutsExactlyItsHeadersOnTheWire() throws Exception {
		CloudEvent event = CloudEvent.builder()
			.id("a%0D%0ASet-Cookie: x=1")
			.source("/s")
			.type("t\u2028X-Injected: 1")
			.subject("\u010D\u010AX-Injected: 1")
			.extension("ext", "%0d%0aX-Injected: 1")
			.data("text/plain; p=\"%0D%0A\"", new byte[] { 1 })
			.build();
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<String> head = CompletableFuture.supplyAsync(() -> receiveHead(server));
			RestClient.builder()
				.configureMessageConverters((converters) -> converters
					.addCustomConverter(new CloudEventHttpMessageConverter(new CloudEventHttpBinding())))
				.build()
				.post()
				.uri("http://127.0.0.1:" + server.getLocalPort() + "/")
				.body(event)
				.retrieve()
				.toBodilessEntity();
			List<String> lines = Arrays.asList(head.get().split("\r\n"));
			assertThat(lines).noneMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("set-cookie"))
				.noneMatch((line) -> line.toLowerCase(Locale.ROOT).startsWith("x-injected"))
				.allMatch((line) -> line.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E))
				.contains("ce-id: a%250D%250ASet-Cookie:%20x=1", "ce-type: t%E2%80%A8X-Injected:%201",
						"ce-subject: %C4%8D%C4%8AX-Injected:%201", "ce-ext: %250d%250aX-Injected:%201");
			assertThat(lines.stream().filter((line) -> line.startsWith("ce-"))).hasSize(event.attributes().size() - 1);
		}
	}

	@ParameterizedTest
	@EnumSource(RunningApplication.class)
	void percentEncodedLineBreakInAHeaderIsAProblemWithoutInjectedHeader(RunningApplication application)
			throws IOException {
		Response response = send(application, binaryReply("ce-subject: a%0D%0AX-Injected:%201\r\n"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("content-type")).startsWith("application/problem+json");
		assertThat(response.headerLines()).noneMatch(HeaderInjectionTests::isInjected);
	}

	@ParameterizedTest
	@EnumSource(RunningApplication.class)
	void lineBreakInAStructuredEventIsAProblemWithoutInjectedHeader(RunningApplication application) throws IOException {
		byte[] body = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"subject\":\"a\\r\\nX-Injected: 1\"}"
			.getBytes(StandardCharsets.UTF_8);
		Response response = send(application, request("Content-Type: application/cloudevents+json\r\n", body));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("content-type")).startsWith("application/problem+json");
		assertThat(response.headerLines()).noneMatch(HeaderInjectionTests::isInjected);
	}

	@ParameterizedTest
	@EnumSource(RunningApplication.class)
	void echoedAttributesNeverSplitTheReply(RunningApplication application) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		headers.writeBytes(bytes("ce-subject: a%250D%250AX-Injected:%201\r\nce-ext: %E2%80%A8X-Injected: 1\r\n"));
		// U+010D U+010A as raw UTF-8: a server that kept only the low byte of each
		// character would write CR LF
		headers.writeBytes(bytes("ce-note: "));
		headers.writeBytes("\u010D\u010AX-Injected: 1".getBytes(StandardCharsets.UTF_8));
		headers.writeBytes(bytes("\r\n"));
		Response response = send(application,
				binaryReply(new String(headers.toByteArray(), StandardCharsets.ISO_8859_1)));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headerLines()).noneMatch(HeaderInjectionTests::isInjected)
			.allMatch((line) -> line.chars().allMatch((c) -> c >= 0x20 && c <= 0x7E));
		assertThat(response.header("ce-subject")).isEqualTo("a%250D%250AX-Injected:%201");
		assertThat(response.header("ce-ext")).isEqualTo("%E2%80%A8X-Injected:%201");
		assertThat(response.header("ce-note")).isEqualTo("%C4%8D%C4%8AX-Injected:%201");
	}

	static Stream<Arguments> contentTypeAttempts() {
		List<String> attempts = List.of("application/cloudevents+json%0D%0AX-Injected:%201",
				"text/plain\rX-Injected: 1", "text/plain\nX-Injected: 1", "text/plain;\r\n X-Injected: 1",
				"text/plain\u0085X-Injected: 1");
		return Arrays.stream(RunningApplication.values())
			.flatMap((application) -> attempts.stream().map((attempt) -> Arguments.of(application, attempt)));
	}

	@ParameterizedTest
	@MethodSource("contentTypeAttempts")
	void lineBreakInContentTypeIsNeverAServerErrorNorASplitReply(RunningApplication application, String contentType)
			throws IOException {
		Response response = send(application, binaryReply("Content-Type: " + contentType + "\r\n"));
		if (response.status() != 0) {
			assertThat(response.status()).isLessThan(500);
			assertThat(response.headerLines()).noneMatch(HeaderInjectionTests::isInjected);
		}
	}

	private static CloudEvent eventWith(String attribute, String value) {
		CloudEvent.Builder builder = CloudEvent.builder().id("1").source("/s").type("t");
		switch (attribute) {
			case "dataschema" -> builder.attribute(attribute, "https://example.com/" + value);
			case "datacontenttype" -> builder.attribute(attribute, "text/plain; p=\"" + value + "\"");
			default -> builder.attribute(attribute, value);
		}
		return builder.build();
	}

	private static boolean isInjected(String line) {
		String lower = line.toLowerCase(Locale.ROOT);
		return lower.startsWith("x-injected") || lower.startsWith("set-cookie");
	}

	private static byte[] binaryReply(String extraHeaders) {
		return request("ce-specversion: 1.0\r\nce-id: 1\r\nce-source: /s\r\nce-type: t\r\n" + extraHeaders,
				new byte[] { '{', '}' });
	}

	private static byte[] request(String headers, byte[] body) {
		ByteArrayOutputStream request = new ByteArrayOutputStream();
		request.writeBytes(bytes("POST /reply HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: "
				+ body.length + "\r\n"));
		request.writeBytes(headers.getBytes(StandardCharsets.ISO_8859_1));
		request.writeBytes(bytes("\r\n"));
		request.writeBytes(body);
		return request.toByteArray();
	}

	private static Response send(RunningApplication application, byte[] request) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), application.port())) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request);
			socket.getOutputStream().flush();
			return Response.parse(socket.getInputStream().readAllBytes());
		}
	}

	private static String receiveHead(ServerSocket server) {
		try (Socket socket = server.accept()) {
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				head.write(b);
			}
			String text = head.toString(StandardCharsets.ISO_8859_1);
			int length = text.lines()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
				.map((line) -> Integer.parseInt(line.substring(15).strip()))
				.findFirst()
				.orElse(0);
			in.readNBytes(length);
			OutputStream out = socket.getOutputStream();
			out.write(bytes("HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
			out.flush();
			return text;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/**
	 * A raw HTTP/1.1 response that must be exactly one response: a head, a body of the
	 * length it announces (or chunks), and nothing after it. Status 0 when the server
	 * closed the connection without answering.
	 */
	record Response(int status, List<String> headerLines) {

		static Response parse(byte[] bytes) {
			if (bytes.length == 0) {
				return new Response(0, List.of());
			}
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as(text).isPositive();
			List<String> lines = new ArrayList<>(Arrays.asList(text.substring(0, end).split("\r\n")));
			String statusLine = lines.remove(0);
			assertThat(statusLine).startsWith("HTTP/1.1 ");
			Response response = new Response(Integer.parseInt(statusLine.substring(9, 12)), lines);
			String rest = text.substring(end + 4);
			String length = response.header("content-length");
			if (length != null) {
				assertThat(rest).hasSize(Integer.parseInt(length));
			}
			else if ("chunked".equalsIgnoreCase(response.header("transfer-encoding"))) {
				int at = 0;
				while (true) {
					int lineEnd = rest.indexOf("\r\n", at);
					int size = Integer.parseInt(rest.substring(at, lineEnd).strip(), 16);
					at = lineEnd + 2 + size + 2;
					if (size == 0) {
						break;
					}
				}
				assertThat(rest.substring(at)).isEmpty();
			}
			return response;
		}

		String header(String name) {
			return this.headerLines.stream()
				.filter((line) -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
				.map((line) -> line.substring(name.length() + 1).strip())
				.findFirst()
				.orElse(null);
		}

	}

}
