package dev.cloudevents.spring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * jqwik arbitraries of hostile HTTP messages for fuzzing decoders and running
 * applications: random bytes, valid events truncated or mutated, JSON token soup, and
 * random binary-mode header maps, each with a structured, batch, binary or random
 * {@code Content-Type}. Every generator is bounded in size so that thousands of tries
 * stay fast.
 */
public final class FuzzArbitraries {

	private static final JsonEventFormat FORMAT = new JsonEventFormat();

	private static final byte[] INTERESTING_BYTES = bytes("\"{}[],:\\\0 \n\r%");

	private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ",", ":", "\"specversion\"", "\"1.0\"",
			"\"0.3\"", "\"id\"", "\"source\"", "\"type\"", "\"data\"", "\"data_base64\"", "\"datacontenttype\"",
			"\"datacontentencoding\"", "\"base64\"", "\"application/json\"", "\"text/plain\"", "\"time\"",
			"\"2020-01-01T00:00:00Z\"", "\"dataschema\"", "\"schemaurl\"", "\"subject\"", "\"ext\"", "\"/src\"",
			"\"t\"", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"AAA=\"", "null", "true", "false", "0", "-1", "2147483648",
			"1e999", "1.5", "99999999999999999999999999999", " ", "\n", "\"\\\"", "/*", "//");

	private static final List<String> CONTENT_TYPES = List.of("application/cloudevents+json",
			"application/cloudevents+json; charset=utf-8", "application/cloudevents+json; charset=UTF-16",
			"application/cloudevents+json; charset=nope", "application/cloudevents+json; charset=\"",
			"application/cloudevents", "application/cloudevents+xml", "APPLICATION/CLOUDEVENTS+JSON",
			"application/cloudevents-batch+json", "application/cloudevents-batch+json; charset=utf-8",
			"application/cloudevents-batch", "application/cloudevents-batch+avro", "application/json",
			"application/json; charset=utf-8", "text/plain", "text/plain; charset=latin1", "application/octet-stream",
			"*/*", "application/*", "application/", "/json", "json", "", " ", ";", "text/plain; p=\"a\\\"b\"",
			"text/plain; p=\"unterminated", "text/plain;;;", "x/y; charset=utf-8; charset=latin1");

	private static final List<String> CE_NAMES = List.of("ce-specversion", "ce-id", "ce-source", "ce-type",
			"ce-subject", "ce-time", "ce-dataschema", "ce-schemaurl", "ce-datacontenttype", "ce-datacontentencoding",
			"ce-data", "ce-", "CE-ID", "Ce-Type", "ce-Subject", "ce-ext", "ce-myext1", "ce-MyExt", "ce-my_ext",
			"ce-my.ext", "ce-\u00e4", "ce-\u0130d", "ce-specVersion");

	private static final List<String> VALUE_PIECES = List.of("1.0", "0.3", "/src", "t", "https://example.com/x",
			"2020-01-01T00:00:00Z", "2020-13-45T99:00:00Z", "1985-04-12T23:20:50.52Z", "%", "%2", "%25", "%20",
			"%0D%0A", "%0d%0a", "%00", "%7F", "%C3%A4", "%C3", "%C3%28", "%FF", "%ED%A0%80", "%F4%90%80%80",
			"%EF%BF%BE", "%E2%80%A8", "%C2%85", "\"", "\"\"", "\"a\\\"b\"", "\\", "\\\"", "\u00e4", "\u2028", "\u0085",
			"\ud83d\ude00", "\ud800", "\r", "\n", "\r\n", "\t", "\0", " ", "Set-Cookie: a=b", "2147483648", "-0",
			"true", "base64", "application/json", "urn:x", ":", "a b");

	private FuzzArbitraries() {
	}

	/**
	 * A message under fuzz: headers and body.
	 *
	 * @param kind how the message was made, for reports
	 * @param headers the headers
	 * @param body the body
	 */
	public record FuzzedMessage(String kind, HttpHeaders headers, byte[] body) {

		@Override
		public String toString() {
			String text = new String(this.body, StandardCharsets.ISO_8859_1);
			String shown = (text.length() > 300) ? text.substring(0, 300) + "...(" + text.length() + " bytes)" : text;
			return this.kind + " " + this.headers + " body=" + escape(shown);
		}

	}

	/**
	 * Every kind of hostile message: random bytes, mutated and truncated valid events,
	 * JSON token soup (all with a random {@code Content-Type}) and binary-mode messages
	 * with random headers.
	 * @return the arbitrary
	 */
	public static Arbitrary<FuzzedMessage> messages() {
		return Arbitraries.frequencyOf(Tuple.of(2, bodies("random bytes", randomBytes())),
				Tuple.of(3, bodies("mutated", mutatedEvents())), Tuple.of(2, bodies("truncated", truncatedEvents())),
				Tuple.of(2, bodies("json soup", jsonSoup())), Tuple.of(4, binaryMessages()));
	}

	/**
	 * Random bytes, mostly short, sometimes up to 4 KB.
	 * @return the arbitrary
	 */
	public static Arbitrary<byte[]> randomBytes() {
		return Arbitraries.frequencyOf(Tuple.of(4, byteArrays(64)), Tuple.of(1, byteArrays(4096)));
	}

	/**
	 * Valid single events and batches in the JSON format, each with one to four byte
	 * mutations: a bit flipped, an interesting or random byte inserted or replacing one,
	 * a byte deleted.
	 * @return the arbitrary
	 */
	public static Arbitrary<byte[]> mutatedEvents() {
		return Combinators.combine(serializedEvents(), mutation().list().ofMinSize(1).ofMaxSize(4))
			.as((bytes, mutations) -> {
				byte[] result = bytes;
				for (Mutation mutation : mutations) {
					result = mutation.apply(result);
				}
				return result;
			});
	}

	/**
	 * Valid single events and batches in the JSON format, cut at a random position.
	 * @return the arbitrary
	 */
	public static Arbitrary<byte[]> truncatedEvents() {
		return Combinators.combine(serializedEvents(), Arbitraries.doubles().between(0, 1))
			.as((bytes, fraction) -> Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
	}

	/**
	 * Sequences of JSON tokens and CloudEvents attribute names, mostly not valid JSON,
	 * sometimes valid JSON that is not a valid event.
	 * @return the arbitrary
	 */
	public static Arbitrary<byte[]> jsonSoup() {
		return Arbitraries.of(JSON_TOKENS).list().ofMaxSize(40).map((tokens) -> bytes(String.join("", tokens)));
	}

	/**
	 * Valid events serialized as a single event or a batch.
	 * @return the arbitrary
	 */
	public static Arbitrary<byte[]> serializedEvents() {
		Arbitrary<byte[]> single = CloudEventArbitraries.events().map((event) -> FORMAT.serialize(event));
		Arbitrary<byte[]> batch = Arbitraries.of(SpecVersion.class)
			.flatMap((version) -> CloudEventArbitraries.events(version).list().ofMaxSize(3))
			.map((events) -> FORMAT.serializeBatch(events));
		return Arbitraries.frequencyOf(Tuple.of(3, single), Tuple.of(1, batch));
	}

	/**
	 * Binary-mode messages: the headers of a valid event (or none of them) with random
	 * {@code ce-} headers added or replaced, a random {@code Content-Type} or none, and a
	 * random body.
	 * @return the arbitrary
	 */
	public static Arbitrary<FuzzedMessage> binaryMessages() {
		Arbitrary<HttpHeaders> base = Arbitraries.frequencyOf(
				Tuple.of(3, CloudEventArbitraries.events().map((event) -> CloudEventHttp.toBinary(event).headers())),
				Tuple.of(1, Arbitraries.just("1.0").map((version) -> {
					HttpHeaders headers = new HttpHeaders();
					headers.set("ce-specversion", version);
					return headers;
				})));
		Arbitrary<List<Map.Entry<String, String>>> extra = Combinators.combine(headerNames(), headerValues())
			.as(Map::entry)
			.list()
			.ofMaxSize(6);
		Arbitrary<String> contentType = Arbitraries.oneOf(Arbitraries.of(CONTENT_TYPES), headerValues())
			.injectNull(0.4);
		Arbitrary<byte[]> body = Arbitraries.oneOf(byteArrays(32), Arbitraries.just(new byte[0]));
		return Combinators.combine(base, extra, contentType, body).as((headers, entries, type, bytes) -> {
			HttpHeaders result = new HttpHeaders();
			result.putAll(headers);
			for (Map.Entry<String, String> entry : entries) {
				result.set(entry.getKey(), entry.getValue());
			}
			if (type != null) {
				result.set(HttpHeaders.CONTENT_TYPE, type);
			}
			return new FuzzedMessage("binary", result, bytes);
		});
	}

	/**
	 * Header names: {@code ce-} names of core attributes and extensions in any case,
	 * invalid extension names and the empty name.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> headerNames() {
		Arbitrary<String> random = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.numeric()
			.withChars('-', '_')
			.ofMaxLength(12)
			.map((name) -> "ce-" + name);
		return Arbitraries.oneOf(Arbitraries.of(CE_NAMES), random);
	}

	/**
	 * Header values: concatenations of valid values, percent sequences (valid, truncated,
	 * invalid UTF-8), quotes, backslashes, non-ASCII and control characters; sometimes
	 * empty, sometimes 8 KB long.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> headerValues() {
		Arbitrary<String> pieces = Arbitraries.of(VALUE_PIECES)
			.list()
			.ofMaxSize(5)
			.map((list) -> String.join("", list));
		Arbitrary<String> random = Arbitraries.strings().all().ofMaxLength(12);
		Arbitrary<String> huge = Arbitraries.of("a", "%41", "\u00e4")
			.map((piece) -> piece.repeat(8192 / piece.length()));
		return Arbitraries.frequencyOf(Tuple.of(6, pieces), Tuple.of(3, random), Tuple.of(1, Arbitraries.just("")),
				Tuple.of(1, huge));
	}

	/**
	 * Content types to send a body with: the structured and batch types, their variants,
	 * and random junk.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> contentTypes() {
		return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(InvalidEvents.EVENT, InvalidEvents.BATCH)),
				Tuple.of(2, Arbitraries.of(CONTENT_TYPES)), Tuple.of(1, headerValues()));
	}

	/**
	 * Return an escaped form of text for reports: control and non-ASCII characters as
	 * {@code \\u} and four hex digits.
	 * @param text the text
	 * @return the escaped text
	 */
	public static String escape(String text) {
		StringBuilder result = new StringBuilder(text.length());
		text.chars()
			.forEach((c) -> result
				.append((c >= 0x20 && c < 0x7F) ? String.valueOf((char) c) : String.format("\\u%04X", c)));
		return result.toString();
	}

	private static Arbitrary<FuzzedMessage> bodies(String kind, Arbitrary<byte[]> bodies) {
		return Combinators.combine(contentTypes(), bodies).as((type, body) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.CONTENT_TYPE, type);
			return new FuzzedMessage(kind, headers, body);
		});
	}

	private static Arbitrary<byte[]> byteArrays(int maxSize) {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
	}

	private static Arbitrary<Mutation> mutation() {
		Arbitrary<Double> position = Arbitraries.doubles().between(0, 1);
		Arbitrary<Byte> value = Arbitraries.oneOf(Arbitraries.bytes(),
				Arbitraries.integers().between(0, INTERESTING_BYTES.length - 1).map((i) -> INTERESTING_BYTES[i]));
		return Combinators
			.combine(Arbitraries.of(MutationKind.class), position, value, Arbitraries.integers().between(0, 7))
			.as(Mutation::new);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private enum MutationKind {

		FLIP, INSERT, REPLACE, DELETE

	}

	private record Mutation(MutationKind kind, double position, byte value, int bit) {

		byte[] apply(byte[] bytes) {
			int at = (int) (bytes.length * this.position);
			List<Byte> list = new ArrayList<>(bytes.length + 1);
			for (byte b : bytes) {
				list.add(b);
			}
			switch (this.kind) {
				case INSERT -> list.add(at, this.value);
				case FLIP -> {
					if (at < list.size()) {
						list.set(at, (byte) (list.get(at) ^ (1 << this.bit)));
					}
				}
				case REPLACE -> {
					if (at < list.size()) {
						list.set(at, this.value);
					}
				}
				case DELETE -> {
					if (at < list.size()) {
						list.remove(at);
					}
				}
			}
			byte[] result = new byte[list.size()];
			for (int i = 0; i < result.length; i++) {
				result[i] = list.get(i);
			}
			return result;
		}

	}

}
