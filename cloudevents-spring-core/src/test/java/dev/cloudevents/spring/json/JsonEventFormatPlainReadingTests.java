package dev.cloudevents.spring.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.FuzzArbitraries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading a plain document without the parser gives what the parser gives: the same
 * event, or no event and the parser's verdict. Compared on event-like objects of every
 * kind of member and value, on the fuzzers' documents, and with tight limits, where both
 * ways must stop at the same place.
 */
class JsonEventFormatPlainReadingTests {

	private static final JsonEventFormat DEFAULT = new JsonEventFormat();

	private static final JsonEventFormat TIGHT = new JsonEventFormat(JsonMapper.shared(),
			EventLimits.defaults()
				.withMaxNestingDepth(3)
				.withMaxStringLength(12)
				.withMaxNumberLength(3)
				.withMaxExtensions(1));

	private static final JsonEventFormat SHORT_NAMES = new JsonEventFormat(JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNameLength(5).build())
			.build())
		.build());

	// long enough for every attribute name, so that the names inside data meet the limit
	private static final JsonEventFormat NAMES_OF_20 = new JsonEventFormat(JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNameLength(20).build())
			.build())
		.build());

	private static final List<String> NAMES = List.of("specversion", "id", "source", "type", "datacontenttype",
			"subject", "time", "dataschema", "schemaurl", "datacontentencoding", "data", "data_base64", "traceparent",
			"ext1", "Bad", "", "caf\u00e9", "d\\u0061ta");

	private static final List<String> VALUES = List.of("\"1.0\"", "\"0.3\"", "\"1.0\"", "\"e-1\"", "\"/src\"",
			"\"https://example.com/a?b#c\"", "\"t\"", "\"application/json\"", "\"text/plain\"",
			"\"text/plain; charset=utf-8\"", "\"application/cloudevents+json\"", "\"application/octet-stream\"",
			"\"2025-06-01T12:34:56.789Z\"", "\"2025-06-01T12:34:56+02:00\"", "\"2025-13-01T00:00:00Z\"", "\"base64\"",
			"\"AAEC\"", "\"caf\u00e9 \ud83d\ude00\"", "\"a\\\"b\"", "\"line\\nbreak\"", "\"\\u00e9\"", "\"\"",
			"\"x y z long enough to pass the tight limit\"", "null", "true", "false", "0", "7", "-12", "2147483648",
			"1.5", "1e3", "-0.0", "{}", "[]", "{\"a\":[1,2.5e3,\"x\\n\"]}", "[[[[1]]]]", "{\"a\":{\"b\":{\"c\":{}}}}",
			"[1,2,3,\"\u20ac\",{\"k\":null,\"t\":true}]", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "01", "[1,]", "{\"a\" 1}",
			"tru", "\"unterminated");

	@Property(tries = 3000)
	void eventLikeObjectsAreReadAlike(@ForAll("eventLikeObjects") byte[] json) {
		assertReadAlike(DEFAULT, json);
		assertReadAlike(TIGHT, json);
		assertReadAlike(SHORT_NAMES, json);
	}

	@Property(tries = 1500)
	void fuzzedDocumentsAreReadAlike(@ForAll("fuzzed") byte[] json) {
		assertReadAlike(DEFAULT, json);
		assertReadAlike(TIGHT, json);
		assertReadAlike(SHORT_NAMES, json);
	}

	@Test
	void aTypicalEventIsReadWithoutTheParser() {
		byte[] json = ("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"https://example.com/orders\","
				+ "\"type\":\"t\",\"subject\":\"caf\u00e9\",\"time\":\"2025-06-01T12:34:56.789Z\","
				+ "\"datacontenttype\":\"application/json\",\"traceparent\":\"00-0af7-01\",\"flag\":true,"
				+ "\"data\":{\"note\":\"a \\\"quoted\\\" \\u00e9 \u20ac\",\"n\":[-1.5e3,0,true,null]}}")
			.getBytes(StandardCharsets.UTF_8);
		CloudEvent event = new JsonEventReader(json, null, EventLimits.defaults()).readPlain(50_000);
		assertThat(event).isNotNull().isEqualTo(DEFAULT.deserializeWithParser(json));
		assertThat(new String(Objects.requireNonNull(event.data()), StandardCharsets.UTF_8))
			.isEqualTo("{\"note\":\"a \\\"quoted\\\" \\u00e9 \u20ac\",\"n\":[-1.5e3,0,true,null]}");
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":\"text\"}",
			"{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":-12.5e-3}",
			"{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"datacontenttype\":\"text/plain\",\"data\":\"x\"}",
			" \n{ \"specversion\" : \"1.0\" , \"id\":\"1\",\"source\":\"/s\",\"type\":\"t\" } \r\n\t" })
	void otherPlainDocumentsAreReadWithoutTheParser(String document) {
		byte[] json = document.getBytes(StandardCharsets.UTF_8);
		CloudEvent event = new JsonEventReader(json, null, EventLimits.defaults()).readPlain(50_000);
		assertThat(event).isNotNull().isEqualTo(DEFAULT.deserializeWithParser(json));
	}

	@Test
	void namesInsideDataAreHeldToTheParsersLimitOfNames() {
		String event = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":{\"%s\":0}}";
		byte[] fits = event.formatted("a".repeat(20)).getBytes(StandardCharsets.UTF_8);
		byte[] tooLong = event.formatted("a".repeat(21)).getBytes(StandardCharsets.UTF_8);
		assertThat(NAMES_OF_20.deserialize(fits).hasData()).isTrue();
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> NAMES_OF_20.deserializeWithParser(tooLong));
		assertReadAlike(NAMES_OF_20, tooLong);
	}

	private static void assertReadAlike(JsonEventFormat format, byte[] json) {
		assertThat(outcome(() -> format.deserialize(json)))
			.isEqualTo(outcome(() -> format.deserializeWithParser(json)));
	}

	private static Object outcome(java.util.function.Supplier<CloudEvent> read) {
		try {
			return read.get();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	@Provide
	Arbitrary<byte[]> eventLikeObjects() {
		Arbitrary<String> space = Arbitraries.of("", "", "", " ", "\n", " \t\r\n");
		Arbitrary<String> required = Arbitraries
			.just("\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"");
		Arbitrary<String> member = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(VALUES), space, space)
			.as((name, value, before, after) -> "\"" + name + "\"" + before + ":" + after + value);
		Arbitrary<List<String>> members = Combinators
			.combine(Arbitraries.frequencyOf(Tuple.of(3, required), Tuple.of(1, Arbitraries.just(""))),
					member.list().ofMaxSize(6))
			.as((first, rest) -> {
				List<String> all = new java.util.ArrayList<>(rest);
				if (!first.isEmpty()) {
					all.add(0, first);
				}
				return all;
			});
		return Combinators.combine(members, space, space, Arbitraries.of("", "", "", " ", "x", "}", ","))
			.as((list, before, after, trailing) -> (before + "{" + String.join("," + after, list) + "}" + trailing)
				.getBytes(StandardCharsets.UTF_8));
	}

	@Provide
	Arbitrary<byte[]> fuzzed() {
		return Arbitraries.oneOf(FuzzArbitraries.serializedEvents(), FuzzArbitraries.mutatedEvents(),
				FuzzArbitraries.truncatedEvents(), FuzzArbitraries.jsonSoup(), FuzzArbitraries.randomBytes());
	}

}
