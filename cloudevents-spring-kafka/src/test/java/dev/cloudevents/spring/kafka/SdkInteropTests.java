package dev.cloudevents.spring.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records written by the reference Java SDK's {@code cloudevents-kafka} 4.0.1 and read by
 * this binding, and the other way round, through the shared broker. Where the SDK departs
 * from the spec, a test says so.
 */
class SdkInteropTests {

	private static final String JSON = "{\"orderId\":\"42\",\"items\":[1,2]}";

	private static RecordTrips trips;

	private final CloudEventKafkaBinding binding = new CloudEventKafkaBinding();

	@BeforeAll
	static void start() {
		trips = new RecordTrips();
	}

	@AfterAll
	static void stop() {
		trips.close();
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (ContentMode mode : ContentMode.values()) {
			for (SpecVersion version : SpecVersion.values()) {
				cases.add(Arguments.of(mode, version, "application/json", JSON.getBytes(StandardCharsets.UTF_8)));
				cases.add(Arguments.of(mode, version, "text/plain; charset=utf-8",
						"Grüße".getBytes(StandardCharsets.UTF_8)));
				cases.add(Arguments.of(mode, version, "application/octet-stream", new byte[] { 0, (byte) 0xFF, 7 }));
				cases.add(Arguments.of(mode, version, null, null));
			}
		}
		return cases.stream();
	}

	private static io.cloudevents.CloudEvent sdkEvent(SpecVersion version, @Nullable String contentType,
			byte @Nullable [] data) {
		CloudEventBuilder builder = (version == SpecVersion.V1_0) ? CloudEventBuilder.v1() : CloudEventBuilder.v03();
		builder.withId("id-1")
			.withSource(URI.create("https://example.com/orders"))
			.withType("com.example.order.created")
			.withSubject("order 42")
			.withTime(OffsetDateTime.parse("2018-04-05T03:56:24Z"))
			.withExtension("partitionkey", "customer-7");
		if (data != null) {
			builder.withData(contentType, data);
		}
		return builder.build();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("cases")
	void theSdksRecordsAreReadHere(ContentMode mode, SpecVersion version, @Nullable String contentType,
			byte @Nullable [] data) {
		try (io.cloudevents.kafka.CloudEventSerializer serializer = new io.cloudevents.kafka.CloudEventSerializer()) {
			serializer.configure(
					Map.of(io.cloudevents.kafka.CloudEventSerializer.ENCODING_CONFIG,
							(mode == ContentMode.BINARY) ? Encoding.BINARY : Encoding.STRUCTURED,
							io.cloudevents.kafka.CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE),
					false);
			RecordHeaders headers = new RecordHeaders();
			byte[] value = serializer.serialize(trips.topic(), headers, sdkEvent(version, contentType, data));
			ConsumerRecord<byte[], byte[]> record = trips.trip(headers, value);
			CloudEvent event = this.binding.read(record.headers(), record.value());
			assertThat(event.specVersion()).isEqualTo(version);
			assertThat(event.id()).isEqualTo("id-1");
			assertThat(event.source()).isEqualTo(URI.create("https://example.com/orders"));
			assertThat(event.type()).isEqualTo("com.example.order.created");
			assertThat(event.subject()).isEqualTo("order 42");
			assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2018-04-05T03:56:24Z"));
			assertThat(event.extension("partitionkey")).isEqualTo("customer-7");
			assertThat(event.dataContentType()).isEqualTo(contentType);
			assertThat(event.data()).isEqualTo(data);
		}
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("cases")
	void recordsWrittenHereAreReadByTheSdk(ContentMode mode, SpecVersion version, @Nullable String contentType,
			byte @Nullable [] data) {
		CloudEvent event = CloudEvent.builder()
			.specVersion(version)
			.id("id-1")
			.source("https://example.com/orders")
			.type("com.example.order.created")
			.subject("order 42")
			.time(OffsetDateTime.parse("2018-04-05T03:56:24Z"))
			.extension("partitionkey", "customer-7")
			.data(contentType, data)
			.build();
		RecordHeaders headers = new RecordHeaders();
		byte[] value = this.binding.write(event, mode, headers);
		ConsumerRecord<byte[], byte[]> record = trips.trip(headers, value);
		try (io.cloudevents.kafka.CloudEventDeserializer deserializer = new io.cloudevents.kafka.CloudEventDeserializer()) {
			io.cloudevents.CloudEvent read = deserializer.deserialize(trips.topic(), record.headers(), record.value());
			assertThat(read.getSpecVersion().toString()).isEqualTo(version.value());
			assertThat(read.getId()).isEqualTo("id-1");
			assertThat(read.getSource()).isEqualTo(URI.create("https://example.com/orders"));
			assertThat(read.getType()).isEqualTo("com.example.order.created");
			assertThat(read.getSubject()).isEqualTo("order 42");
			assertThat(read.getTime()).isEqualTo(OffsetDateTime.parse("2018-04-05T03:56:24Z"));
			assertThat(read.getExtension("partitionkey")).isEqualTo("customer-7");
			assertThat(read.getDataContentType()).isEqualTo(contentType);
			assertThat((read.getData() != null) ? read.getData().toBytes() : null).isEqualTo(data);
		}
	}

	@Test
	void theSdkWritesAStructuredContentTypeWithoutTheCharsetTheSpecShows() {
		try (io.cloudevents.kafka.CloudEventSerializer serializer = new io.cloudevents.kafka.CloudEventSerializer()) {
			serializer.configure(
					Map.of(io.cloudevents.kafka.CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED,
							io.cloudevents.kafka.CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE),
					false);
			RecordHeaders headers = new RecordHeaders();
			serializer.serialize("t", headers, sdkEvent(SpecVersion.V1_0, null, null));
			assertThat(new String(headers.lastHeader("content-type").value(), StandardCharsets.UTF_8))
				.isEqualTo("application/cloudevents+json");
		}
	}

}
