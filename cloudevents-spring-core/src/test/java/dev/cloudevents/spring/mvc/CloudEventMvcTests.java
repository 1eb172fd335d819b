package dev.cloudevents.spring.mvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.web.TestEvents;
import dev.cloudevents.spring.web.ValidatedOrder;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = MvcTestApplication.class)
@AutoConfigureMockMvc
class CloudEventMvcTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Received received;

	@BeforeEach
	void clear() {
		this.received.clear();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "0.3" })
	void binaryEventIsReceivedWithoutRequestBody(String specVersion) {
		MvcTestResult result = binary(this.mvc.post().uri("/"), specVersion).exchange();
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		CloudEvent event = (CloudEvent) this.received.arguments().get(0);
		assertThat(event.specVersion()).isEqualTo(SpecVersion.of(specVersion));
		assertThat(event.id()).isEqualTo("b-1");
		assertThat(event.extension("traceparent")).isEqualTo("00-abc-01");
		// MockHttpServletRequest adds the charset Boot forces; the real server tests
		// check it is not added
		assertThat(event.dataContentType()).startsWith("application/json");
		assertThat(new String(event.data(), StandardCharsets.UTF_8)).isEqualTo(TestEvents.ORDER_JSON);
	}

	@ParameterizedTest
	@ValueSource(strings = { TestEvents.STRUCTURED_1_0, TestEvents.STRUCTURED_0_3 })
	void structuredEventIsReceivedWithoutRequestBody(String json) {
		MvcTestResult result = structured(this.mvc.post().uri("/"), json).exchange();
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		CloudEvent event = (CloudEvent) this.received.arguments().get(0);
		assertThat(event.type()).isEqualTo("com.example.order.created");
		assertThat(new JsonEventFormat().dataAs(event, Map.class)).containsKey("quantity");
	}

	@Test
	void eventIsReceivedWithRequestBodyThroughTheConverter() {
		assertThat(binary(this.mvc.post().uri("/body"), "1.0")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).singleElement().isInstanceOf(CloudEvent.class);
	}

	@Test
	void binaryEventWithoutDataIsReceivedWithRequestBody() {
		MvcTestResult result = this.mvc.post()
			.uri("/body")
			.header("ce-specversion", "1.0")
			.header("ce-id", "no-data")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).singleElement().isInstanceOfSatisfying(CloudEvent.class, (event) -> {
			assertThat(event.id()).isEqualTo("no-data");
			assertThat(event.hasData()).isFalse();
		});
	}

	@Test
	void batchIsReceivedAsList() {
		assertThat(batch(this.mvc.post().uri("/batch"))).hasStatus(HttpStatus.ACCEPTED);
		assertThat(events(this.received.arguments().get(0))).extracting(CloudEvent::id).containsExactly("b-1", "b-2");
	}

	@Test
	void singleEventIsReceivedAsListOfOne() {
		assertThat(binary(this.mvc.post().uri("/batch"), "1.0")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(events(this.received.arguments().get(0))).extracting(CloudEvent::id).containsExactly("b-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "binary", "structured" })
	void dataIsBoundToRecordNextToTheEventReadOnce(String mode) {
		MockMvcRequestBuilder request = this.mvc.post().uri("/orders");
		request = mode.equals("binary") ? binary(request, "1.0") : structured(request, TestEvents.STRUCTURED_1_0);
		assertThat(request).hasStatus(HttpStatus.ACCEPTED);
		List<?> arguments = (List<?>) this.received.arguments().get(0);
		assertThat(arguments.get(0)).isEqualTo(new dev.cloudevents.spring.web.Order("42", 3));
		assertThat(arguments.get(1)).isInstanceOf(CloudEvent.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "binary", "structured" })
	void validDataIsValidatedAndBound(String mode) {
		MockMvcRequestBuilder request = this.mvc.post().uri("/orders/valid");
		request = mode.equals("binary") ? binary(request, "1.0") : structured(request, TestEvents.STRUCTURED_1_0);
		assertThat(request).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).containsExactly(new ValidatedOrder("42", 3));
	}

	@Test
	void invalidDataIsAProblemNamingTheFieldAsForRequestBody() {
		MvcTestResult result = binary(this.mvc.post().uri("/orders/valid"), "1.0")
			.content("{\"id\":\"42\",\"quantity\":0}")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyText()
			.contains("\"field\":\"quantity\"")
			.contains("CloudEvent data is not valid: quantity");
		assertThat(this.received.invocations()).isZero();
	}

	@Test
	void dataIsBoundToStringWithTheDataCharset() {
		MvcTestResult result = this.mvc.post()
			.uri("/data/string")
			.header("ce-specversion", "1.0")
			.header("ce-id", "t-1")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.contentType("text/plain; charset=ISO-8859-1")
			.content("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))
			.exchange();
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).containsExactly("caf\u00e9");
	}

	@Test
	void dataIsBoundToBytesAsItIs() {
		assertThat(binary(this.mvc.post().uri("/data/bytes"), "1.0")).hasStatus(HttpStatus.ACCEPTED);
		assertThat((byte[]) this.received.arguments().get(0))
			.isEqualTo(TestEvents.ORDER_JSON.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void dataIsBoundToMapAndJsonNode() {
		assertThat(binary(this.mvc.post().uri("/data/map"), "1.0")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(binary(this.mvc.post().uri("/data/node"), "1.0")).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments().get(0)).isEqualTo(Map.of("id", "42", "quantity", 3));
		assertThat(((JsonNode) this.received.arguments().get(1)).get("quantity").asInt()).isEqualTo(3);
	}

	@Test
	void missingDataIsBoundToEmptyOptional() {
		MvcTestResult result = this.mvc.post()
			.uri("/data/optional")
			.header("ce-specversion", "1.0")
			.header("ce-id", "t-1")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.exchange();
		assertThat(result).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).containsExactly(Optional.empty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/reply", "/reply/entity" })
	void replyToBinaryEventIsBinary(String path) {
		MvcTestResult result = binary(this.mvc.post().uri(path), "1.0").exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		MockHttpServletResponse response = result.getResponse();
		assertThat(response.getHeader("ce-id")).isEqualTo("b-1-reply");
		assertThat(response.getHeader("ce-type")).isEqualTo("com.example.reply");
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(result).bodyText().isEqualTo(TestEvents.ORDER_JSON);
	}

	@Test
	void replyEntityKeepsItsHeaders() {
		MvcTestResult result = binary(this.mvc.post().uri("/reply/entity"), "1.0").exchange();
		assertThat(result.getResponse().getHeader("X-Reply")).isEqualTo("yes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/reply", "/reply/entity" })
	void replyToStructuredEventIsStructured(String path) {
		MvcTestResult result = structured(this.mvc.post().uri(path), TestEvents.STRUCTURED_0_3).exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).hasContentTypeCompatibleWith(JsonEventFormat.MEDIA_TYPE);
		assertThat(result).bodyJson().extractingPath("$.id").isEqualTo("s-3-reply");
		assertThat(result).bodyJson().extractingPath("$.specversion").isEqualTo("0.3");
		assertThat(result.getResponse().getHeader("ce-id")).isNull();
	}

	@Test
	void replyBatchIsBatch() {
		MvcTestResult result = batch(this.mvc.post().uri("/reply/batch")).exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		assertThat(result).hasContentTypeCompatibleWith(JsonEventFormat.BATCH_MEDIA_TYPE);
		assertThat(result).bodyJson().extractingPath("$[1].id").isEqualTo("b-2-reply");
	}

	@Test
	void missingRequiredAttributeIsBadRequestNamingIt() {
		MvcTestResult result = this.mvc.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-type", "t")
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("source");
		assertThat(result).bodyJson().extractingPath("$.attribute").isEqualTo("source");
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Invalid CloudEvent");
	}

	@Test
	void unknownSpecVersionIsBadRequest() {
		MvcTestResult result = structured(this.mvc.post().uri("/"),
				TestEvents.STRUCTURED_1_0.replace("\"1.0\"", "\"2.0\""))
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("specversion");
	}

	@Test
	void malformedJsonIsBadRequest() {
		assertProblem(structured(this.mvc.post().uri("/"), "{\"specversion\":").exchange(), HttpStatus.BAD_REQUEST);
	}

	@Test
	void requestWithoutEventIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestEvents.ORDER_JSON)
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST);
	}

	@Test
	void otherEventFormatIsUnsupportedMediaType() {
		MvcTestResult result = this.mvc.post()
			.uri("/")
			.contentType("application/cloudevents+avro")
			.content(new byte[] { 1, 2 })
			.exchange();
		assertProblem(result, HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Unsupported CloudEvent format");
	}

	@Test
	void bodyOverTheLimitIsContentTooLarge() {
		byte[] data = new byte[MvcTestApplication.MAX_BODY_KB * 1024 + 1];
		MvcTestResult result = this.mvc.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.content(data)
			.exchange();
		assertProblem(result, HttpStatus.CONTENT_TOO_LARGE);
		assertThat(result).bodyJson().extractingPath("$.detail").asString().contains("65536 bytes");
	}

	@Test
	void dataThatCannotBeBoundIsBadRequestNamingTheType() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.contentType(MediaType.TEXT_PLAIN)
			.content("not an order")
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.isEqualTo("CloudEvent data cannot be read as dev.cloudevents.spring.web.Order: its datacontenttype "
					+ "'text/plain;charset=UTF-8' is not JSON (a String or byte[] parameter takes any data)");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("at tools.jackson", "not an order");
	}

	@Test
	void jsonDataWithAFieldOfTheWrongTypeIsBadRequestNamingTheField() throws Exception {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":\"42\",\"quantity\":\"many\"}")
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST);
		assertThat(result).bodyJson()
			.extractingPath("$.detail")
			.asString()
			.isEqualTo("CloudEvent data cannot be read as dev.cloudevents.spring.web.Order: field 'quantity' is a "
					+ "string, which does not read as int");
		assertThat(result.getResponse().getContentAsString()).doesNotContain("many");
	}

	@Test
	void invalidBatchIsBadRequest() {
		MvcTestResult result = this.mvc.post()
			.uri("/batch")
			.contentType(JsonEventFormat.BATCH_MEDIA_TYPE)
			.content("[{\"specversion\":\"1.0\",\"id\":\"1\",\"type\":\"t\"}]")
			.exchange();
		assertProblem(result, HttpStatus.BAD_REQUEST);
	}

	private void assertProblem(MvcTestResult result, HttpStatus status) {
		assertThat(result).hasStatus(status);
		assertThat(result).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status.value());
		assertThat(this.received.invocations()).isZero();
	}

	private static List<CloudEvent> events(Object argument) {
		return ((List<?>) argument).stream().map(CloudEvent.class::cast).toList();
	}

	static MockMvcRequestBuilder binary(MockMvcRequestBuilder request, String specVersion) {
		return request.header("ce-specversion", specVersion)
			.header("ce-id", "b-1")
			.header("ce-source", "https://example.com/orders")
			.header("ce-type", "com.example.order.created")
			.header("ce-traceparent", "00-abc-01")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestEvents.ORDER_JSON.getBytes(StandardCharsets.UTF_8));
	}

	static MockMvcRequestBuilder structured(MockMvcRequestBuilder request, String json) {
		return request.contentType("application/cloudevents+json; charset=UTF-8").content(json);
	}

	static MockMvcRequestBuilder batch(MockMvcRequestBuilder request) {
		return request.contentType(JsonEventFormat.BATCH_MEDIA_TYPE).content(TestEvents.BATCH);
	}

}
