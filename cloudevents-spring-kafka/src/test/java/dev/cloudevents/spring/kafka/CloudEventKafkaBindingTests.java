package dev.cloudevents.spring.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.UnsupportedEventFormatException;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventKafkaBindingTests {

	private final CloudEventKafkaBinding binding = new CloudEventKafkaBinding();

	private static CloudEvent event() {
		return CloudEvent.builder()
			.id("1234-1234-1234")
			.type("com.example.someevent")
			.source("/mycontext/subcontext")
			.time(OffsetDateTime.parse("2018-04-05T03:56:24Z"))
			.subject("größe 42 \"quoted\" %41")
			.extension("partitionkey", "order-42")
			.data("text/plain; charset=utf-8", "hello".getBytes(StandardCharsets.UTF_8))
			.build();
	}

	private static String header(Headers headers, String key) {
		return new String(headers.lastHeader(key).value(), StandardCharsets.UTF_8);
	}

	private static Headers headers(String... namesAndValues) {
		RecordHeaders headers = new RecordHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1].getBytes(StandardCharsets.UTF_8));
		}
		return headers;
	}

	private static Headers required() {
		return headers("ce_specversion", "1.0", "ce_id", "1", "ce_source", "/s", "ce_type", "t");
	}

	@Test
	void binaryModeWritesAttributesAsUtf8HeadersWithoutPercentEncoding() {
		Headers headers = new RecordHeaders();
		byte[] value = this.binding.write(event(), ContentMode.BINARY, headers);
		assertThat(value).asString(StandardCharsets.UTF_8).isEqualTo("hello");
		assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(headers, "ce_id")).isEqualTo("1234-1234-1234");
		assertThat(header(headers, "ce_source")).isEqualTo("/mycontext/subcontext");
		assertThat(header(headers, "ce_type")).isEqualTo("com.example.someevent");
		assertThat(header(headers, "ce_time")).isEqualTo("2018-04-05T03:56:24Z");
		assertThat(header(headers, "ce_subject")).isEqualTo("größe 42 \"quoted\" %41");
		assertThat(header(headers, "ce_partitionkey")).isEqualTo("order-42");
		assertThat(header(headers, "content-type")).isEqualTo("text/plain; charset=utf-8");
		assertThat(headers.lastHeader("ce_datacontenttype")).isNull();
		assertThat(this.binding.read(headers, value)).isEqualTo(event()).satisfies((read) -> {
			assertThat(read.subject()).isEqualTo(event().subject());
			assertThat(read.data()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
			assertThat(read.attributes()).isEqualTo(event().attributes());
		});
	}

	@Test
	void structuredModeWritesTheJsonFormatWithTheSpecContentType() {
		Headers headers = new RecordHeaders();
		byte[] value = this.binding.write(event(), ContentMode.STRUCTURED, headers);
		assertThat(headers.toArray()).hasSize(1);
		assertThat(header(headers, "content-type")).isEqualTo("application/cloudevents+json; charset=UTF-8");
		assertThat(new JsonEventFormat().deserialize(value).attributes()).isEqualTo(event().attributes());
		assertThat(this.binding.read(headers, value).attributes()).isEqualTo(event().attributes());
	}

	@Test
	void writingReplacesTheEventHeadersOfAForwardedRecordAndKeepsOthers() {
		Headers headers = headers("ce_id", "old", "ce_stale", "x", "content-type", "text/old", "traceparent", "t");
		this.binding.write(event(), ContentMode.STRUCTURED, headers);
		assertThat(headers.toArray()).extracting(Header::key).containsExactly("traceparent", "content-type");
	}

	@Test
	void anEventWithoutDataIsARecordWithoutValueInBinaryModeAndReadsBackWithoutData() {
		CloudEvent event = CloudEvent.builder().type("t").source("/s").build();
		Headers headers = new RecordHeaders();
		assertThat(this.binding.write(event, ContentMode.BINARY, headers)).isNull();
		CloudEvent read = this.binding.read(headers, null);
		assertThat(read).isNotNull();
		assertThat(read.hasData()).isFalse();
		assertThat(read.attributes()).isEqualTo(event.attributes());
	}

	@Test
	void anEmptyValueIsEmptyData() {
		CloudEvent read = this.binding.read(required(), new byte[0]);
		assertThat(read.hasData()).isTrue();
		assertThat(read.data()).isEmpty();
	}

	@Test
	void aStructuredContentTypeIsRecognisedInAnyCase() {
		byte[] json = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}"
			.getBytes(StandardCharsets.UTF_8);
		CloudEvent read = this.binding.read(headers("content-type", " Application/CloudEvents+JSON;charset=utf-8"),
				json);
		assertThat(read.id()).isEqualTo("1");
	}

	@Test
	void anotherEventFormatOrABatchIsUnsupported() {
		assertThatExceptionOfType(UnsupportedEventFormatException.class)
			.isThrownBy(() -> this.binding.read(headers("content-type", "application/cloudevents+avro"), new byte[1]))
			.withMessageContaining("application/cloudevents+avro");
		assertThatExceptionOfType(UnsupportedEventFormatException.class)
			.isThrownBy(() -> this.binding.read(headers("content-type", "application/cloudevents-batch+json"),
					"[]".getBytes(StandardCharsets.UTF_8)))
			.withMessageContaining("batch");
		assertThatExceptionOfType(UnsupportedEventFormatException.class)
			.isThrownBy(() -> this.binding
				.read(headers("content-type", "application/cloudevents+json; charset=ISO-8859-1"), new byte[1]))
			.withMessageContaining("UTF-8");
	}

	@Test
	void aStructuredRecordWithoutValueIsRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.binding.read(headers("content-type", "application/cloudevents+json"), null))
			.withMessageContaining("must have a value");
	}

	@Test
	void aHeaderThatIsNotUtf8IsRejectedNamingTheHeader() {
		Headers headers = required();
		headers.add("ce_subject", new byte[] { 'a', (byte) 0xC3, 'b' });
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null))
			.withMessage("Attribute 'subject' comes from header 'ce_subject', whose value is not valid UTF-8");
	}

	@Test
	void headersInUtf8BeyondAsciiAreReadAsTheyAreAReplacementCharacterSentAsSuchToo() {
		Headers headers = required();
		headers.add("ce_subject", "caf\u00e9 \u20ac \uD83D\uDE00 \uFFFD".getBytes(StandardCharsets.UTF_8));
		assertThat(this.binding.read(headers, null).subject()).isEqualTo("caf\u00e9 \u20ac \uD83D\uDE00 \uFFFD");
	}

	@Test
	void anEncodedSurrogateIsNotUtf8() {
		Headers headers = required();
		headers.add("ce_subject", new byte[] { 'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80 });
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null))
			.withMessage("Attribute 'subject' comes from header 'ce_subject', whose value is not valid UTF-8");
	}

	@Test
	void aHeaderWithoutValueIsRejected() {
		Headers headers = required();
		headers.add("ce_subject", null);
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null))
			.withMessageContaining("header 'ce_subject', which has no value");
	}

	@Test
	void identicalCopiesOfAHeaderCountAsOne() {
		Headers headers = required();
		headers.add("ce_id", "1".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_ext", "x".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_ext", "x".getBytes(StandardCharsets.UTF_8));
		headers.add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8));
		headers.add("content-type", "text/plain".getBytes(StandardCharsets.UTF_8));
		CloudEvent read = this.binding.read(headers, null);
		assertThat(read.id()).isEqualTo("1");
		assertThat(read.extensions()).containsOnlyKeys("ext");
		assertThat(read.dataContentType()).isEqualTo("text/plain");
	}

	@Test
	void copiesOfAHeaderWithDifferentValuesAreRejected() {
		for (String name : List.of("ce_id", "ce_specversion", "ce_ext", "content-type")) {
			Headers headers = required();
			headers.add(name, "1".getBytes(StandardCharsets.UTF_8));
			headers.add(name, "2".getBytes(StandardCharsets.UTF_8));
			assertThatExceptionOfType(InvalidCloudEventException.class).as(name)
				.isThrownBy(() -> this.binding.read(headers, null))
				.withMessageContaining("header '" + name + "' appears more than once with different values");
		}
	}

	@Test
	void aMissingRequiredAttributeIsRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(
					() -> this.binding.read(headers("ce_specversion", "1.0", "ce_source", "/s", "ce_type", "t"), null))
			.withMessage("Attribute 'id' is required");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.binding.read(headers("ce_id", "1"), null))
			.withMessageContaining("'ce_specversion'");
	}

	@Test
	void anUnknownSpecVersionIsRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.binding
				.read(headers("ce_specversion", "2.0", "ce_id", "1", "ce_source", "/s", "ce_type", "t"), null))
			.withMessageContaining("'2.0' is not a supported version");
	}

	@Test
	void dataContentTypeMustNotComeAsACeHeader() {
		Headers headers = required();
		headers.add("ce_datacontenttype", "text/plain".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null))
			.withMessageContaining("'ce_datacontenttype' must not be present");
	}

	@Test
	void headerNamesCompareExactly() {
		Headers headers = required();
		headers.add("CE_SUBJECT", "ignored".getBytes(StandardCharsets.UTF_8));
		assertThat(this.binding.read(headers, null).subject()).isNull();
		headers.add("ce_Subject", "x".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null));
	}

	@Test
	void theNumberOfExtensionsIsLimited() {
		CloudEventKafkaBinding limited = new CloudEventKafkaBinding(new JsonEventFormat(
				tools.jackson.databind.json.JsonMapper.shared(), EventLimits.defaults().withMaxExtensions(2)));
		Headers headers = required();
		headers.add("ce_a", new byte[] { 'a' });
		headers.add("ce_b", new byte[] { 'b' });
		assertThat(limited.read(headers, null).extensions()).hasSize(2);
		headers.add("ce_c", new byte[] { 'c' });
		assertThatExceptionOfType(EventLimitExceededException.class).isThrownBy(() -> limited.read(headers, null))
			.withMessageContaining("more than 2 extension attributes");
	}

	@Test
	void specVersion03TravelsWithItsOwnAttributeNames() {
		CloudEvent event = CloudEvent.builder()
			.specVersion(SpecVersion.V0_3)
			.type("t")
			.source("/s")
			.dataSchema(URI.create("schema.json"))
			.data("application/octet-stream", new byte[] { 0, (byte) 0xFF })
			.build();
		Headers headers = new RecordHeaders();
		byte[] value = this.binding.write(event, ContentMode.BINARY, headers);
		assertThat(header(headers, "ce_specversion")).isEqualTo("0.3");
		assertThat(header(headers, "ce_schemaurl")).isEqualTo("schema.json");
		CloudEvent read = this.binding.read(headers, value);
		assertThat(read.attributes()).isEqualTo(event.attributes());
		assertThat(read.data()).containsExactly(0, 0xFF);
		headers.add("ce_datacontentencoding", "base64".getBytes(StandardCharsets.UTF_8));
		assertThat(this.binding.read(headers, value).dataContentEncoding()).isNull();
	}

	@Test
	void isCloudEventTellsFromTheHeaders() {
		assertThat(this.binding.isCloudEvent(required())).isTrue();
		assertThat(this.binding.isCloudEvent(headers("content-type", "APPLICATION/CLOUDEVENTS+json"))).isTrue();
		assertThat(this.binding.isCloudEvent(headers("content-type", "application/json"))).isFalse();
		assertThat(this.binding.isCloudEvent(new RecordHeaders(new ArrayList<>()))).isFalse();
	}

}
