package dev.cloudevents.spring.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.CloudEventArbitraries;
import dev.cloudevents.spring.ExpectedEvents;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.FuzzArbitraries;
import dev.cloudevents.spring.FuzzArbitraries.FuzzedMessage;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.InvalidEvents;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.StrictJsonOracle;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fuzzes the HTTP binding and the JSON format: whatever the input, decoding either
 * returns events or throws {@link InvalidCloudEventException}; nothing else escapes. What
 * is accepted is checked against {@link StrictJsonOracle}: a structured input must be
 * strict UTF-8 JSON and each event must hold what Jackson's tree of it holds, and every
 * document written from an accepted event must be strict UTF-8 JSON again. Every accepted
 * event encodes again in both modes and decodes back to itself. jqwik's statistics count
 * each generator's inputs accepted and rejected. 12,500 tries in all.
 */
class HttpBindingFuzzTests {

	private static final String EVENT_START = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
			+ "\"datacontenttype\":\"application/json\",";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private final JsonEventFormat format = this.binding.format();

	@Property(tries = 2000)
	void randomBytesAsAStructuredEventAreReadOrRejected(@ForAll("randomBytes") byte[] body,
			@ForAll("structuredTypes") String contentType) {
		decodesOrRejects(withContentType(contentType, body));
	}

	@Property(tries = 1500)
	void randomBytesAsABatchAreReadOrRejected(@ForAll("randomBytes") byte[] body,
			@ForAll("batchTypes") String contentType) {
		decodesOrRejects(withContentType(contentType, body));
	}

	@Property(tries = 2500)
	void mutatedValidEventsAreReadOrRejected(@ForAll("mutatedEvents") byte[] body,
			@ForAll("eventOrBatchType") String contentType) {
		decodesOrRejects(withContentType(contentType, body));
	}

	@Property(tries = 1500)
	void truncatedValidEventsAreReadOrRejected(@ForAll("truncatedEvents") byte[] body,
			@ForAll("eventOrBatchType") String contentType) {
		decodesOrRejects(withContentType(contentType, body));
	}

	@Property(tries = 1000)
	void jsonTokenSoupIsReadOrRejected(@ForAll("jsonSoup") byte[] body,
			@ForAll("eventOrBatchType") String contentType) {
		decodesOrRejects(withContentType(contentType, body));
	}

	@Property(tries = 2500)
	void randomBinaryModeHeadersAreReadOrRejected(@ForAll("binaryMessages") FuzzedMessage message) {
		decodesOrRejects(message);
	}

	@Property(tries = 1000)
	void anyFuzzedMessageIsReadOrRejected(@ForAll("messages") FuzzedMessage message) {
		decodesOrRejects(message);
	}

	@Property(tries = 500)
	void hostileJsonIsReadOrRejectedByTheFormat(@ForAll("hostileJson") byte[] json) {
		CloudEvent event;
		try {
			event = this.format.deserialize(json);
		}
		catch (InvalidCloudEventException ex) {
			Statistics.collect("rejected");
			assertThat(ex).hasMessageContaining(" ");
			return;
		}
		Statistics.collect("accepted");
		assertAcceptedAsTheOracleReadsIt(json, List.of(event), false);
		survivesRoundTrips(event, ContentMode.STRUCTURED);
	}

	@Example
	void contentTypeThatSpringFailsToParseIsRejectedAsInvalid() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, "\"a/b");
		headers.set("ce-specversion", "1.0");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.binding.fromHttp(headers, new byte[0]))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo(CloudEvent.DATACONTENTTYPE));
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().dataContentType("\"a/b"))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo(CloudEvent.DATACONTENTTYPE));
	}

	@Provide
	Arbitrary<byte[]> randomBytes() {
		return FuzzArbitraries.randomBytes();
	}

	@Provide
	Arbitrary<byte[]> mutatedEvents() {
		return FuzzArbitraries.mutatedEvents();
	}

	@Provide
	Arbitrary<byte[]> truncatedEvents() {
		return FuzzArbitraries.truncatedEvents();
	}

	@Provide
	Arbitrary<byte[]> jsonSoup() {
		return FuzzArbitraries.jsonSoup();
	}

	@Provide
	Arbitrary<FuzzedMessage> binaryMessages() {
		return FuzzArbitraries.binaryMessages();
	}

	@Provide
	Arbitrary<FuzzedMessage> messages() {
		return FuzzArbitraries.messages();
	}

	@Provide
	Arbitrary<String> structuredTypes() {
		return Arbitraries.of(InvalidEvents.EVENT, InvalidEvents.EVENT + "; charset=utf-8",
				"application/cloudevents+json; charset=UTF-16", "application/cloudevents+JSON");
	}

	@Provide
	Arbitrary<String> batchTypes() {
		return Arbitraries.of(InvalidEvents.BATCH, InvalidEvents.BATCH + "; charset=utf-8");
	}

	@Provide
	Arbitrary<String> eventOrBatchType() {
		return Arbitraries.of(InvalidEvents.EVENT, InvalidEvents.BATCH);
	}

	@Provide
	Arbitrary<byte[]> hostileJson() {
		Arbitrary<Integer> depth = Arbitraries.integers().between(1, 5000);
		Arbitrary<Integer> length = Arbitraries.integers().between(1, 20000);
		Arbitrary<byte[]> valid = CloudEventArbitraries.events().map(this.format::serialize);
		Arbitrary<byte[]> nestedArrays = depth
			.map((n) -> utf8(EVENT_START + "\"data\":" + "[".repeat(n) + "]".repeat(n) + "}"));
		Arbitrary<byte[]> nestedObjects = depth
			.map((n) -> utf8(EVENT_START + "\"data\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + "}"));
		Arbitrary<byte[]> unclosed = depth.map((n) -> utf8(EVENT_START + "\"data\":" + "[{\"a\":".repeat(n)));
		Arbitrary<byte[]> nestedExtension = depth
			.map((n) -> utf8(EVENT_START + "\"ext\":" + "[".repeat(n) + "]".repeat(n) + "}"));
		Arbitrary<byte[]> hugeNumbers = Combinators
			.combine(length, Arbitraries.of("\"data\":%s}", "\"ext\":%s}", "\"data\":[%s,1]}", "\"ext\":-%s}"),
					Arbitraries.of("9", "1e", "0.", "-1e-"))
			.as((n, template, prefix) -> utf8(EVENT_START + template.formatted(prefix + "9".repeat(n))));
		Arbitrary<byte[]> invalidUtf8 = Combinators.combine(valid, Arbitraries.doubles().between(0, 1),
				Arbitraries.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
						new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, new byte[] { (byte) 0xC0, (byte) 0xAF },
						new byte[] { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
						new byte[] { (byte) 0xE2, (byte) 0x82 }))
			.as(HttpBindingFuzzTests::insert);
		Arbitrary<byte[]> bom = valid
			.map((bytes) -> insert(bytes, 0, new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }));
		Arbitrary<byte[]> otherEncodings = Combinators.combine(
				CloudEventArbitraries.events()
					.map((event) -> new String(this.format.serialize(event), StandardCharsets.UTF_8)),
				Arbitraries.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE,
						Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE")))
			.as(String::getBytes);
		return Arbitraries.oneOf(nestedArrays, nestedObjects, unclosed, nestedExtension, hugeNumbers, invalidUtf8, bom,
				otherEncodings);
	}

	private void decodesOrRejects(FuzzedMessage message) {
		HttpHeaders headers = message.headers();
		byte[] body = message.body().clone();
		List<CloudEvent> events;
		ContentMode mode;
		boolean batch;
		try {
			batch = this.binding.isBatch(headers);
			if (batch) {
				events = this.binding.fromHttpBatch(headers, body);
				mode = ContentMode.STRUCTURED;
			}
			else {
				events = List.of(this.binding.fromHttp(headers, body));
				mode = this.binding.contentMode(headers);
			}
		}
		catch (InvalidCloudEventException ex) {
			Statistics.collect("rejected");
			assertThat(ex).hasMessageContaining(" ");
			return;
		}
		Statistics.collect("accepted " + mode.name().toLowerCase(Locale.ROOT) + (batch ? " batch" : ""));
		assertThat(mode).isNotNull();
		if (mode == ContentMode.STRUCTURED) {
			assertAcceptedAsTheOracleReadsIt(body, events, batch);
		}
		for (CloudEvent event : events) {
			survivesRoundTrips(event, mode);
		}
		if (batch) {
			// as in structured mode, 0.3 data that must travel as Base64 gains
			// datacontentencoding
			byte[] written = this.binding.toBatch(events).body();
			assertThat(StrictJsonOracle.isStrictJson(written)).as("written batch is strict UTF-8 JSON").isTrue();
			assertThat(this.binding.fromHttpBatch(headers, written)).map(HttpBindingFuzzTests::withoutEncoding)
				.isEqualTo(events.stream().map(HttpBindingFuzzTests::withoutEncoding).toList());
		}
	}

	/**
	 * An accepted event encodes again in both modes; in the mode it came in it decodes
	 * back to an equal event, in the other mode to one that differs only as that mode
	 * requires (binary carries extensions as strings and no {@code datacontentencoding}).
	 */
	private void survivesRoundTrips(CloudEvent event, ContentMode mode) {
		CloudEventHttpMessage binary = this.binding.toBinary(event);
		CloudEventHttpMessage structured = this.binding.toStructured(event);
		binary.headers().forEach((name, values) -> {
			// a space may separate media type parameters; nothing but visible ASCII
			// elsewhere
			int lowest = name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) ? 0x20 : 0x21;
			values.forEach((value) -> assertThat(value.chars()).as(name).allMatch((c) -> c >= lowest && c < 0x7F));
		});
		assertThat(StrictJsonOracle.isStrictJson(structured.body())).as("written event is strict UTF-8 JSON").isTrue();
		CloudEvent fromBinary = this.binding.fromHttp(binary.headers(), binary.body());
		CloudEvent fromStructured = this.binding.fromHttp(structured.headers(), structured.body());
		if (mode == ContentMode.BINARY) {
			assertThat(fromBinary).isEqualTo(event);
			assertThat(withoutEncoding(fromStructured)).isEqualTo(withoutEncoding(event));
		}
		else {
			// 0.3 data that must travel as Base64 gains datacontentencoding
			assertThat(withoutEncoding(fromStructured)).isEqualTo(withoutEncoding(event));
			assertThat(fromBinary).isEqualTo(ExpectedEvents.afterBinaryMode(event));
		}
	}

	/**
	 * The independent oracle: accepted input is strict UTF-8 JSON, and each event holds
	 * what Jackson's tree of its object holds.
	 */
	private static void assertAcceptedAsTheOracleReadsIt(byte[] json, List<CloudEvent> events, boolean batch) {
		assertThat(StrictJsonOracle.isStrictJsonToRead(json)).as("accepted input is strict UTF-8 JSON").isTrue();
		JsonNode tree = JSON.readTree(json);
		for (int i = 0; i < events.size(); i++) {
			StrictJsonOracle.assertReadAsJacksonReadsIt(events.get(i), batch ? tree.get(i) : tree);
		}
	}

	private static CloudEvent withoutEncoding(CloudEvent event) {
		return (event.dataContentEncoding() != null) ? event.mutate().dataContentEncoding(null).build() : event;
	}

	private static FuzzedMessage withContentType(String contentType, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		return new FuzzedMessage(contentType, headers, body);
	}

	private static byte[] insert(byte[] bytes, double position, byte[] inserted) {
		int at = (int) (bytes.length * position);
		byte[] result = Arrays.copyOf(bytes, bytes.length + inserted.length);
		System.arraycopy(inserted, 0, result, at, inserted.length);
		System.arraycopy(bytes, at, result, at + inserted.length, bytes.length - at);
		return result;
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
