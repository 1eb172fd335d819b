package dev.cloudevents.spring.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.UnsupportedEventFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventHttpBindingTests {

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private final CloudEvent event = CloudEvent.builder()
		.id("A234-1234-1234")
		.source(URI.create("/mycontext"))
		.type("com.example.someevent")
		.time(OffsetDateTime.parse("2018-04-05T17:31:00Z"))
		.subject("Euro \u20AC \uD83D\uDE00")
		.extension("comexampleextension1", "value")
		.extension("comexampleothervalue", 5)
		.data("application/xml", "<much wow=\"xml\"/>".getBytes(StandardCharsets.UTF_8))
		.build();

	@Test
	void binaryModeMapsAttributesToCeHeadersAndDataContentTypeToContentType() {
		CloudEventHttpMessage message = CloudEventHttp.toBinary(this.event);
		HttpHeaders headers = message.headers();
		assertThat(headers.getFirst("ce-specversion")).isEqualTo("1.0");
		assertThat(headers.getFirst("ce-id")).isEqualTo("A234-1234-1234");
		assertThat(headers.getFirst("ce-source")).isEqualTo("/mycontext");
		assertThat(headers.getFirst("ce-type")).isEqualTo("com.example.someevent");
		assertThat(headers.getFirst("ce-time")).isEqualTo("2018-04-05T17:31:00Z");
		assertThat(headers.getFirst("ce-subject")).isEqualTo("Euro%20%E2%82%AC%20%F0%9F%98%80");
		assertThat(headers.getFirst("ce-comexampleextension1")).isEqualTo("value");
		assertThat(headers.getFirst("ce-comexampleothervalue")).isEqualTo("5");
		assertThat(headers.getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/xml");
		assertThat(headers.containsHeader("ce-datacontenttype")).isFalse();
		assertThat(message.body()).isSameAs(this.event.data());
	}

	@Test
	void binaryModeHeadersAreLookedUpInAnyCase() {
		HttpHeaders headers = CloudEventHttp.toBinary(this.event).headers();
		assertThat(headers.getFirst("content-type")).isEqualTo("application/xml");
		assertThat(headers.getFirst("CE-ID")).isEqualTo("A234-1234-1234");
		headers.add("Ce-Id", "again");
		assertThat(headers.get("ce-id")).containsExactly("A234-1234-1234", "again");
	}

	@Test
	void binaryModeReadsWhatItWrites() {
		CloudEventHttpMessage message = CloudEventHttp.toBinary(this.event);
		CloudEvent read = CloudEventHttp.fromHttp(message.headers(), message.body());
		assertThat(read.subject()).isEqualTo("Euro \u20AC \uD83D\uDE00");
		assertThat(read.extension("comexampleothervalue")).isEqualTo("5");
		assertThat(read.dataContentType()).isEqualTo("application/xml");
		assertThat(read.data()).isEqualTo(this.event.data());
	}

	@Test
	void binaryModeReadsHeaderNamesInAnyCase() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("CE-SpecVersion", "0.3");
		headers.set("Ce-Id", "1");
		headers.set("ce-SOURCE", "/s");
		headers.set("ce-type", "t");
		headers.set("ce-SchemaUrl", "schema.json");
		headers.set("ce-MyExtension", "x");
		CloudEvent read = CloudEventHttp.fromHttp(headers, new byte[0]);
		assertThat(read.specVersion()).isEqualTo(SpecVersion.V0_3);
		assertThat(read.dataSchema()).isEqualTo(URI.create("schema.json"));
		assertThat(read.extension("myextension")).isEqualTo("x");
		assertThat(read.hasData()).isFalse();
	}

	@Test
	void binaryModeWritesTheZeroThreeSchemaUrlHeader() {
		CloudEvent v03 = this.event.mutate()
			.dataSchema(URI.create("https://example.com/schema"))
			.build()
			.toSpecVersion(SpecVersion.V0_3);
		HttpHeaders headers = CloudEventHttp.toBinary(v03).headers();
		assertThat(headers.getFirst("ce-specversion")).isEqualTo("0.3");
		assertThat(headers.getFirst("ce-schemaurl")).isEqualTo("https://example.com/schema");
		assertThat(headers.containsHeader("ce-dataschema")).isFalse();
	}

	@Test
	void binaryModeNeverCarriesTheZeroThreeDataContentEncodingBecauseTheBodyIsTheBytes() {
		CloudEvent v03 = CloudEvent.builder()
			.specVersion(SpecVersion.V0_3)
			.source("/s")
			.type("t")
			.dataContentEncoding("base64")
			.data("application/octet-stream", new byte[] { 0, 1, 2 })
			.build();
		CloudEventHttpMessage message = CloudEventHttp.toBinary(v03);
		assertThat(message.headers().containsHeader("ce-datacontentencoding")).isFalse();
		assertThat(message.body()).containsExactly(0, 1, 2);
		HttpHeaders received = HttpHeaders.copyOf(message.headers());
		received.set("ce-datacontentencoding", "base64");
		CloudEvent read = CloudEventHttp.fromHttp(received, message.body());
		assertThat(read.dataContentEncoding()).isNull();
		assertThat(read.data()).containsExactly(0, 1, 2);
	}

	@Test
	void dataGivenAsAnObjectIsSerializedWithTheFormatsMapper() {
		CloudEvent withObject = CloudEvent.builder()
			.source("/s")
			.type("t")
			.data(java.util.Map.of("answer", 42))
			.build();
		CloudEventHttpMessage message = CloudEventHttp.toBinary(withObject);
		assertThat(message.headers().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(new String(message.body(), StandardCharsets.UTF_8)).isEqualTo("{\"answer\":42}");
	}

	@Test
	void rejectsCeDataContentTypeInBinaryMode() {
		HttpHeaders headers = minimalBinaryHeaders();
		headers.set("ce-datacontenttype", "text/plain");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[0]))
			.withMessageContaining("ce-datacontenttype");
	}

	@Test
	void rejectsAnAttributeHeaderSentTwice() {
		HttpHeaders headers = minimalBinaryHeaders();
		headers.add("ce-id", "2");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[0]))
			.withMessageContaining("'id'")
			.withMessageContaining("2 times");
	}

	@Test
	void rejectsAMessageThatIsNoCloudEvent() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "application/json");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, "{}".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("'specversion' is required");
	}

	@Test
	void rejectsAHeaderDecodingToALineBreak() {
		HttpHeaders headers = minimalBinaryHeaders();
		headers.set("ce-subject", "a%0D%0Ab");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[0]))
			.withMessageContaining("'subject'")
			.withMessageContaining("control character U+000D");
	}

	@Test
	void rejectsAnInvalidExtensionNameFromAHeader() {
		HttpHeaders headers = minimalBinaryHeaders();
		headers.set("ce-my-extension", "x");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[0]))
			.withMessageContaining("my-extension");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/cloudevents+json", "Application/CloudEvents+JSON; charset=utf-8",
			"application/cloudevents+json;charset=UTF-8" })
	void detectsStructuredModeCaseInsensitively(String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		assertThat(this.binding.contentMode(headers)).isEqualTo(ContentMode.STRUCTURED);
		assertThat(this.binding.isBatch(headers)).isFalse();
	}

	@Test
	void detectsBinaryModeAndBatches() {
		assertThat(this.binding.contentMode(minimalBinaryHeaders())).isEqualTo(ContentMode.BINARY);
		HttpHeaders batch = new HttpHeaders();
		batch.set(HttpHeaders.CONTENT_TYPE, "application/CloudEvents-Batch+JSON");
		assertThat(this.binding.contentMode(batch)).isNull();
		assertThat(this.binding.isBatch(batch)).isTrue();
		assertThat(this.binding.contentMode(new HttpHeaders())).isNull();
	}

	@Test
	void structuredModeWritesTheContentTypeEveryPeerAccepts() {
		assertThat(CloudEventHttp.toStructured(this.event).headers().getFirst(HttpHeaders.CONTENT_TYPE))
			.isEqualTo("application/cloudevents+json");
		assertThat(CloudEventHttp.toBatch(List.of(this.event)).headers().getFirst(HttpHeaders.CONTENT_TYPE))
			.isEqualTo("application/cloudevents-batch+json");
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/cloudevents+avro", "application/cloudevents+xml",
			"application/cloudevents+json; charset=utf-16" })
	void rejectsOtherEventFormatsAsUnsupported(String contentType) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		assertThatExceptionOfType(UnsupportedEventFormatException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[] { 1 }));
	}

	@Test
	void eachContentTypeIsJudgedOnItsOwnWhateverCameBefore() {
		CloudEventHttpMessage structured = CloudEventHttp.toStructured(this.event);
		HttpHeaders avro = new HttpHeaders();
		avro.set(HttpHeaders.CONTENT_TYPE, "application/cloudevents+avro");
		HttpHeaders utf16 = new HttpHeaders();
		utf16.set(HttpHeaders.CONTENT_TYPE, "application/cloudevents+json; charset=utf-16");
		for (int i = 0; i < 3; i++) {
			assertThat(CloudEventHttp.fromHttp(structured.headers(), structured.body())).isEqualTo(this.event);
			assertThatExceptionOfType(UnsupportedEventFormatException.class)
				.isThrownBy(() -> CloudEventHttp.fromHttp(avro, structured.body()));
			assertThatExceptionOfType(UnsupportedEventFormatException.class)
				.isThrownBy(() -> CloudEventHttp.fromHttp(utf16, structured.body()));
			assertThatExceptionOfType(UnsupportedEventFormatException.class)
				.isThrownBy(() -> CloudEventHttp.fromHttp(utf16, structured.body()));
		}
	}

	@Test
	void rejectsABatchWhereOneEventIsExpectedAndTheOtherWayRound() {
		CloudEventHttpMessage batch = CloudEventHttp.toBatch(List.of(this.event));
		assertThatExceptionOfType(UnsupportedEventFormatException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(batch.headers(), batch.body()))
			.withMessageContaining("batch");
		CloudEventHttpMessage single = CloudEventHttp.toStructured(this.event);
		assertThatExceptionOfType(UnsupportedEventFormatException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttpBatch(single.headers(), single.body()))
			.withMessageContaining("Expected a batch");
	}

	@Test
	void rejectsAContentTypeThatIsNoMediaType() {
		HttpHeaders headers = minimalBinaryHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "not a media type");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[] { 1 }))
			.withMessageContaining("datacontenttype");
	}

	// found by hand in the Player: fromHttp read the event, contentMode failed on the q
	@Test
	void aBinaryModeContentTypeThatIsAMimeTypeButNoSpringMediaTypeIsReadAndItsModeTold() {
		HttpHeaders headers = minimalBinaryHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "text/plain; q=2");
		CloudEventHttpBinding binding = new CloudEventHttpBinding();
		assertThat(binding.fromHttp(headers, new byte[] { 'x' }).dataContentType()).isEqualTo("text/plain; q=2");
		assertThat(binding.contentMode(headers)).isEqualTo(ContentMode.BINARY);
		assertThat(binding.isBatch(headers)).isFalse();
		assertThat(binding
			.fromHttp(binding.toBinary(binding.fromHttp(headers, new byte[] { 'x' })).headers(), new byte[] { 'x' })
			.dataContentType()).isEqualTo("text/plain; q=2");
	}

	@Test
	void rejectsACoreAttributeSentTwiceInDifferentCaseOverCaseSensitiveHeaders() {
		HttpHeaders headers = new HttpHeaders(new LinkedMultiValueMap<>());
		headers.addAll(minimalBinaryHeaders());
		headers.set("CE-ID", "2");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[0]))
			.withMessageContaining("Attribute 'id' must be sent once");
	}

	@Test
	void rejectsAnExtensionSentTwiceInDifferentCaseOverCaseSensitiveHeaders() {
		HttpHeaders headers = new HttpHeaders(new LinkedMultiValueMap<>());
		headers.addAll(minimalBinaryHeaders());
		headers.set("ce-myext", "1");
		headers.set("Ce-MyExt", "2");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(headers, new byte[0]))
			.withMessageContaining("Attribute 'myext' must be sent once");
	}

	@Test
	void readsAnEventWhoseOtherHeadersComeTwiceInDifferentCaseOverCaseSensitiveHeaders() {
		HttpHeaders headers = new HttpHeaders(new LinkedMultiValueMap<>());
		headers.addAll(minimalBinaryHeaders());
		headers.set("Accept", "text/plain");
		headers.set("accept", "application/json");
		assertThat(CloudEventHttp.fromHttp(headers, new byte[0]).id()).isEqualTo("1");
	}

	private static HttpHeaders minimalBinaryHeaders() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", "1");
		headers.set("ce-source", "/s");
		headers.set("ce-type", "t");
		return headers;
	}

}
