package dev.cloudevents.spring.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.core.json.JsonFactory;

import dev.cloudevents.spring.CloudEventArbitraries;
import dev.cloudevents.spring.FuzzArbitraries;
import dev.cloudevents.spring.StrictJsonOracle;

import static org.assertj.core.api.Assertions.assertThat;

class JsonValidatorTests {

	/** The depth of the oracle's parser. */
	private static final int DEPTH = new JsonFactory().streamReadConstraints().getMaxNestingDepth();

	/** Bytes that matter to the grammar or to UTF-8. */
	private static final byte[] INTERESTING = { '"', '\\', '/', 'u', 'b', 'x', '{', '}', '[', ']', ',', ':', '0', '1',
			'-', '+', '.', 'e', 'E', 't', 'n', ' ', '\n', 0, 0x1F, 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
			(byte) 0xC2, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF };

	@Property(tries = 3000)
	void agreesWithJacksonAndTheJdkUtf8Decoder(@ForAll("inputs") byte[] bytes) {
		assertThat(JsonValidator.isJsonValue(bytes, DEPTH)).as(FuzzArbitraries.escape(latin1(bytes)))
			.isEqualTo(StrictJsonOracle.isStrictJson(bytes));
	}

	@Property(tries = 3000)
	void findsTheEndOfExactlyTheValuesItAccepts(@ForAll("inputs") byte[] bytes) {
		int start = JsonValidator.skipWhitespace(bytes, 0);
		for (int maxDepth : new int[] { 2, 64 }) {
			int end = JsonValidator.valueEnd(bytes, start, maxDepth, Integer.MAX_VALUE, Integer.MAX_VALUE,
					Integer.MAX_VALUE);
			assertThat(end == bytes.length).isEqualTo(JsonValidator.isJsonValue(bytes, maxDepth));
			if (end >= 0) {
				// the value alone, without what follows it
				byte[] value = java.util.Arrays.copyOfRange(bytes, start, end);
				assertThat(JsonValidator.isJsonValue(value, maxDepth)).isTrue();
			}
		}
	}

	@Property(tries = 300)
	void acceptsEveryJsonDocument(@ForAll("documents") byte[] bytes) {
		assertThat(JsonValidator.isJsonValue(bytes, DEPTH)).isTrue();
	}

	@Example
	void rejectsMalformedUtf8InsideStrings() {
		for (String hex : List.of("C0AF", "E080AF", "EDA080", "EDBFBF", "F4908080", "F5808080", "80", "C2", "E282",
				"FF", "F08F8080")) {
			byte[] bytes = concat(utf8("[\""), hexBytes(hex), utf8("\"]"));
			assertThat(JsonValidator.isJsonValue(bytes, DEPTH)).as(hex).isFalse();
		}
		assertThat(JsonValidator.isJsonValue(concat(utf8("\""), hexBytes("F09F9880EFBFBF"), utf8("\"")), DEPTH))
			.isTrue();
	}

	@Example
	void rejectsWhatOnlyLenientParsersRead() {
		for (String json : List.of("", " ", "01", "1.", ".5", "+1", "-", "1e", "NaN", "'a'", "[1,]", "{\"a\":1,}",
				"{a:1}", "[1] /* */", "// x\n1", "\"\\x\"", "\"\\u12G4\"", "\"a\tb\"", "1 2", "[1]]", "{\"a\"}", "tru",
				"nulll", "\uFEFF1")) {
			assertThat(JsonValidator.isJsonValue(utf8(json), DEPTH)).as(json).isFalse();
		}
		for (String json : List.of("0", "-0.0e+0", " 1E-7 ", "\"\\uD800\\\\\\/\\b\\f\\n\\r\\t\"", "[]", "{}",
				"{\"\":[{}]}", "null", "true", "false")) {
			assertThat(JsonValidator.isJsonValue(utf8(json), DEPTH)).as(json).isTrue();
		}
	}

	@Example
	void judgesEveryByteAtEveryPlaceOfAString() {
		// strings are scanned a word at a time: each byte value at each offset, before
		// and after a word boundary, and with plain bytes after it that the word also
		// holds
		for (int length = 1; length <= 19; length++) {
			for (int at = 0; at < length; at++) {
				for (int value = 0; value < 256; value++) {
					byte[] bytes = utf8("[\"" + "a".repeat(length) + "\"]");
					bytes[2 + at] = (byte) value;
					assertThat(JsonValidator.isJsonValue(bytes, DEPTH)).as("%d at %d of %d", value, at, length)
						.isEqualTo(StrictJsonOracle.isStrictJson(bytes));
				}
			}
		}
	}

	@Example
	void rejectsNestingDeeperThanTheLimit() {
		String array = "[".repeat(200) + "]".repeat(200);
		String object = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
		assertThat(JsonValidator.isJsonValue(utf8(array), 200)).isTrue();
		assertThat(JsonValidator.isJsonValue(utf8(array), 199)).isFalse();
		assertThat(JsonValidator.isJsonValue(utf8(object), 100)).isTrue();
		assertThat(JsonValidator.isJsonValue(utf8("[" + "{\"a\":[".repeat(60) + "1" + "]}".repeat(60) + ",{}]"), 200))
			.isTrue();
		assertThat(JsonValidator.isJsonValue(utf8("[" + "{\"a\":[".repeat(60) + "1" + "]}".repeat(60) + "}]"), 200))
			.isFalse();
	}

	@Provide
	Arbitrary<byte[]> documents() {
		return CloudEventArbitraries.jsonDocuments().map(JsonValidatorTests::utf8);
	}

	@Provide
	Arbitrary<byte[]> inputs() {
		Arbitrary<byte[]> mutated = Combinators.combine(documents(), mutation().list().ofMinSize(1).ofMaxSize(3))
			.as((bytes, mutations) -> {
				byte[] result = bytes;
				for (Mutation mutation : mutations) {
					result = mutation.apply(result);
				}
				return result;
			});
		return Arbitraries.frequencyOf(Tuple.of(6, mutated), Tuple.of(2, documents()),
				Tuple.of(2, FuzzArbitraries.jsonSoup()), Tuple.of(1, FuzzArbitraries.randomBytes()),
				Tuple.of(1, FuzzArbitraries.mutatedEvents()));
	}

	private static Arbitrary<Mutation> mutation() {
		Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
				Arbitraries.integers().between(0, INTERESTING.length - 1).map((i) -> INTERESTING[i]));
		return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1), value)
			.as(Mutation::new);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String latin1(byte[] bytes) {
		return new String(bytes, StandardCharsets.ISO_8859_1);
	}

	private static byte[] hexBytes(String hex) {
		byte[] bytes = new byte[hex.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(hex, i * 2, i * 2 + 2, 16);
		}
		return bytes;
	}

	private static byte[] concat(byte[]... parts) {
		byte[] result = new byte[0];
		for (byte[] part : parts) {
			int at = result.length;
			result = Arrays.copyOf(result, at + part.length);
			System.arraycopy(part, 0, result, at, part.length);
		}
		return result;
	}

	/** Insert (0), replace (1) or delete (2) one byte. */
	private record Mutation(int kind, double position, byte value) {

		byte[] apply(byte[] bytes) {
			int at = (int) (bytes.length * this.position);
			if (this.kind == 0) {
				byte[] result = new byte[bytes.length + 1];
				System.arraycopy(bytes, 0, result, 0, at);
				result[at] = this.value;
				System.arraycopy(bytes, at, result, at + 1, bytes.length - at);
				return result;
			}
			if (at == bytes.length) {
				return bytes;
			}
			if (this.kind == 1) {
				byte[] result = bytes.clone();
				result[at] = this.value;
				return result;
			}
			byte[] result = new byte[bytes.length - 1];
			System.arraycopy(bytes, 0, result, 0, at);
			System.arraycopy(bytes, at + 1, result, at, bytes.length - at - 1);
			return result;
		}

	}

}
