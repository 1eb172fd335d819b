package dev.cloudevents.spring.webflux;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Order;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.web.TestEvents;
import dev.cloudevents.spring.web.ValidatedOrder;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = WebFluxTestApplication.class,
		properties = { "spring.main.web-application-type=reactive", "spring.http.codecs.max-in-memory-size=64KB" })
@AutoConfigureWebTestClient
class CloudEventWebFluxTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Received received;

	@BeforeEach
	void clear() {
		this.received.clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/body", "/mono", "/fn" })
	void binaryEventIsReceived(String path) {
		assertThat(post(path, binary("1.0"), orderBytes()).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		CloudEvent event = (CloudEvent) this.received.arguments().get(0);
		assertThat(event.id()).isEqualTo("b-1");
		assertThat(event.extension("traceparent")).isEqualTo("00-abc-01");
		assertThat(new JsonEventFormat().dataAs(event, Order.class)).isEqualTo(TestEvents.ORDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/mono", "/fn" })
	void binaryEventInSpecVersion03IsReceived(String path) {
		assertThat(post(path, binary("0.3"), orderBytes()).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(((CloudEvent) this.received.arguments().get(0)).specVersion()).isEqualTo(SpecVersion.V0_3);
	}

	@Test
	void structuredEventIsReceivedThroughRequestBody() {
		assertThat(post("/body", structured(), bytes(TestEvents.STRUCTURED_1_0)).getStatus())
			.isEqualTo(HttpStatus.ACCEPTED);
		assertThat(((CloudEvent) this.received.arguments().get(0)).id()).isEqualTo("s-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { TestEvents.STRUCTURED_1_0, TestEvents.STRUCTURED_0_3 })
	void structuredEventIsReceived(String json) {
		assertThat(post("/", structured(), bytes(json)).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(((CloudEvent) this.received.arguments().get(0)).type()).isEqualTo("com.example.order.created");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/flux", "/batch" })
	void batchIsReceivedAsFluxOrList(String path) {
		assertThat(post(path, batch(), bytes(TestEvents.BATCH)).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(events(this.received.arguments().get(0))).extracting(CloudEvent::id).containsExactly("b-1", "b-2");
	}

	@Test
	void singleEventIsReceivedAsFluxOfOne() {
		assertThat(post("/flux", binary("1.0"), orderBytes()).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(events(this.received.arguments().get(0))).extracting(CloudEvent::id).containsExactly("b-1");
	}

	@Test
	void dataIsBoundToRecordNextToTheEvent() {
		assertThat(post("/orders", structured(), bytes(TestEvents.STRUCTURED_1_0)).getStatus())
			.isEqualTo(HttpStatus.ACCEPTED);
		List<?> arguments = (List<?>) this.received.arguments().get(0);
		assertThat(arguments.get(0)).isEqualTo(TestEvents.ORDER);
		assertThat(((CloudEvent) arguments.get(1)).id()).isEqualTo("s-1");
	}

	@Test
	void dataIsBoundToMonoOfRecord() {
		assertThat(post("/orders/mono", binary("0.3"), orderBytes()).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).containsExactly(TestEvents.ORDER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orders/valid", "/orders/valid/mono" })
	void validDataIsValidatedAndBound(String path) {
		assertThat(post(path, binary("1.0"), orderBytes()).getStatus()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).containsExactly(new ValidatedOrder("42", 3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orders/valid", "/orders/valid/mono" })
	void invalidDataIsAProblemNamingTheFieldAsForRequestBody(String path) {
		EntityExchangeResult<byte[]> result = post(path, binary("1.0"),
				"{\"id\":\" \",\"quantity\":3}".getBytes(StandardCharsets.UTF_8));
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(text(result)).contains("\"field\":\"id\"").contains("CloudEvent data is not valid: id");
	}

	@Test
	void dataIsBoundToStringBytesAndMap() {
		post("/data/string", binary("1.0"), orderBytes());
		post("/data/bytes", binary("1.0"), orderBytes());
		post("/data/map", binary("1.0"), orderBytes());
		assertThat(this.received.arguments()).hasSize(3);
		assertThat(this.received.arguments().get(0)).isEqualTo(TestEvents.ORDER_JSON);
		assertThat((byte[]) this.received.arguments().get(1)).isEqualTo(orderBytes());
		assertThat(this.received.arguments().get(2)).isEqualTo(Map.of("id", "42", "quantity", 3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/reply", "/reply/mono", "/reply/entity", "/fn/reply" })
	void replyToBinaryEventIsBinary(String path) {
		EntityExchangeResult<byte[]> result = post(path, binary("1.0"), orderBytes());
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().getFirst("ce-id")).isEqualTo("b-1-reply");
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(result.getResponseBody()).isEqualTo(orderBytes());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/reply", "/reply/mono", "/reply/entity", "/fn/reply" })
	void replyToStructuredEventIsStructured(String path) {
		EntityExchangeResult<byte[]> result = post(path, structured(), bytes(TestEvents.STRUCTURED_0_3));
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(result.getResponseHeaders().getContentType())
			.satisfies((type) -> assertThat(type.isCompatibleWith(JsonEventFormat.MEDIA_TYPE)).isTrue());
		assertThat(result.getResponseHeaders().getFirst("ce-id")).isNull();
		assertThat(text(result)).contains("\"s-3-reply\"").contains("\"0.3\"");
	}

	@Test
	void replyFluxIsBatch() {
		EntityExchangeResult<byte[]> result = post("/reply/flux", batch(), bytes(TestEvents.BATCH));
		assertThat(result.getResponseHeaders().getContentType())
			.satisfies((type) -> assertThat(type.isCompatibleWith(JsonEventFormat.BATCH_MEDIA_TYPE)).isTrue());
		assertThat(text(result)).contains("\"b-1-reply\"").contains("\"b-2-reply\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/mono", "/flux", "/batch", "/orders", "/orders/mono", "/fn" })
	void missingRequiredAttributeIsBadRequestNamingIt(String path) {
		EntityExchangeResult<byte[]> result = post(path, (headers) -> {
			headers.set("ce-specversion", "1.0");
			headers.set("ce-id", "x");
			headers.set("ce-type", "t");
		}, new byte[0]);
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(text(result)).contains("\"attribute\":\"source\"").contains("Invalid CloudEvent");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/fn" })
	void unknownSpecVersionIsBadRequest(String path) {
		assertProblem(post(path, structured(), bytes(TestEvents.STRUCTURED_1_0.replace("\"1.0\"", "\"2.0\""))),
				HttpStatus.BAD_REQUEST);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/fn" })
	void otherEventFormatIsUnsupportedMediaType(String path) {
		EntityExchangeResult<byte[]> result = post(path,
				(headers) -> headers.setContentType(MediaType.parseMediaType("application/cloudevents+avro")),
				new byte[] { 1 });
		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/flux", "/fn" })
	void bodyOverTheMaxInMemorySizeIsContentTooLarge(String path) {
		EntityExchangeResult<byte[]> result = post(path, binary("1.0"), new byte[64 * 1024 + 1]);
		assertProblem(result, HttpStatus.CONTENT_TOO_LARGE);
		assertThat(text(result)).contains("65536 bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orders", "/orders/mono" })
	void dataThatCannotBeBoundIsBadRequestNamingTheType(String path) {
		EntityExchangeResult<byte[]> result = post(path, (headers) -> {
			binary("1.0").accept(headers);
			headers.setContentType(MediaType.TEXT_PLAIN);
		}, bytes("not an order"));
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(text(result))
			.contains("CloudEvent data cannot be read as dev.cloudevents.spring.web.Order: its datacontenttype "
					+ "'text/plain' is not JSON")
			.doesNotContain("at tools.jackson", "not an order");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/orders", "/orders/mono" })
	void stringDataIsBadRequestSayingSo(String path) {
		EntityExchangeResult<byte[]> result = post(path, (headers) -> {
			binary("1.0").accept(headers);
			headers.setContentType(MediaType.APPLICATION_JSON);
		}, bytes("\"order 42\""));
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(text(result))
			.contains("CloudEvent data cannot be read as dev.cloudevents.spring.web.Order: the data is a string, "
					+ "which does not read as Order")
			.doesNotContain("order 42");
	}

	@Test
	void eventWithoutDataForAMonoOfDataIsBadRequestNamingTheType() {
		EntityExchangeResult<byte[]> result = post("/orders/mono", (headers) -> {
			binary("1.0").accept(headers);
			headers.remove(HttpHeaders.CONTENT_TYPE);
		}, new byte[0]);
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(text(result)).contains("Order");
	}

	private void assertProblem(EntityExchangeResult<byte[]> result, HttpStatus status) {
		assertThat(result.getStatus()).isEqualTo(status);
		assertThat(result.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(text(result)).contains("\"status\":" + status.value());
		assertThat(this.received.invocations()).isZero();
	}

	private EntityExchangeResult<byte[]> post(String path, Consumer<HttpHeaders> headers, byte[] body) {
		return this.client.post()
			.uri(path)
			.headers(headers)
			.bodyValue(body)
			.exchange()
			.expectBody(byte[].class)
			.returnResult();
	}

	private static Consumer<HttpHeaders> binary(String specVersion) {
		return (headers) -> {
			headers.set("ce-specversion", specVersion);
			headers.set("ce-id", "b-1");
			headers.set("ce-source", "https://example.com/orders");
			headers.set("ce-type", "com.example.order.created");
			headers.set("ce-traceparent", "00-abc-01");
			headers.setContentType(MediaType.APPLICATION_JSON);
		};
	}

	private static Consumer<HttpHeaders> structured() {
		return (headers) -> headers.setContentType(JsonEventFormat.MEDIA_TYPE);
	}

	private static Consumer<HttpHeaders> batch() {
		return (headers) -> headers.setContentType(JsonEventFormat.BATCH_MEDIA_TYPE);
	}

	private static byte[] orderBytes() {
		return bytes(TestEvents.ORDER_JSON);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		return (body != null) ? new String(body, StandardCharsets.UTF_8) : "";
	}

	private static List<CloudEvent> events(Object argument) {
		return ((List<?>) argument).stream().map(CloudEvent.class::cast).toList();
	}

}
