package dev.cloudevents.spring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * jqwik arbitraries of valid CloudEvents of both spec versions: attribute values from
 * every character the spec allows, extensions of every JSON-representable type, and data
 * of every kind (none, bytes with and without a content type, JSON text, text).
 */
public final class CloudEventArbitraries {

	private static final Set<String> RESERVED_NAMES = Set.of("specversion", "id", "source", "type", "datacontenttype",
			"dataschema", "schemaurl", "datacontentencoding", "subject", "time", "data");

	private CloudEventArbitraries() {
	}

	/**
	 * Data of an event: a content type (or none) and bytes.
	 *
	 * @param contentType the {@code datacontenttype}, or {@code null}
	 * @param bytes the data
	 */
	public record Data(@Nullable String contentType, byte[] bytes) {

		@Override
		public String toString() {
			return "Data[" + this.contentType + ", " + new String(this.bytes, StandardCharsets.UTF_8) + "]";
		}

	}

	/**
	 * Valid events of either spec version.
	 * @return the arbitrary
	 */
	public static Arbitrary<CloudEvent> events() {
		return Arbitraries.of(SpecVersion.class).flatMap(CloudEventArbitraries::events);
	}

	/**
	 * Valid events of one spec version, with or without data.
	 * @param version the spec version
	 * @return the arbitrary
	 */
	public static Arbitrary<CloudEvent> events(SpecVersion version) {
		return Combinators.combine(attributes(version), data().injectNull(0.2))
			.as((builder, data) -> (data != null) ? builder.data(data.contentType(), data.bytes()).build()
					: builder.build());
	}

	/**
	 * Builders holding valid attributes of one spec version, and no data.
	 * @param version the spec version
	 * @return the arbitrary
	 */
	public static Arbitrary<CloudEvent.Builder> attributes(SpecVersion version) {
		return Combinators
			.combine(strings(), sources(), strings(), strings().injectNull(0.5), times().injectNull(0.3),
					schemas().injectNull(0.7), extensions())
			.as((id, source, type, subject, time, schema, extensions) -> {
				CloudEvent.Builder builder = CloudEvent.strictBuilder()
					.specVersion(version)
					.id(id)
					.source(source)
					.type(type)
					.subject(subject)
					.time(time)
					.dataSchema(schema);
				extensions.forEach(builder::extension);
				return builder;
			});
	}

	/**
	 * Non-empty strings of the characters the spec's String type allows: no control
	 * characters, no noncharacters, no unpaired surrogates; supplementary characters
	 * included.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> strings() {
		return codePoints().list().ofMinSize(1).ofMaxSize(24).map(CloudEventArbitraries::toText);
	}

	private static Arbitrary<Integer> codePoints() {
		return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
				Tuple.of(2, Arbitraries.integers().between(0xA0, 0xD7FF)),
				Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFDCF)),
				Tuple.of(1, Arbitraries.integers().between(0xFDF0, 0xFFFD)),
				Tuple.of(2,
						Arbitraries.integers()
							.between(0x10000, 0x10FFFD)
							.filter((codePoint) -> (codePoint & 0xFFFE) != 0xFFFE)));
	}

	private static String toText(List<Integer> codePoints) {
		StringBuilder text = new StringBuilder();
		codePoints.forEach(text::appendCodePoint);
		return text.toString();
	}

	/**
	 * URI-references for {@code source}: absolute URIs, paths and URNs.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> sources() {
		Arbitrary<String> segment = Arbitraries.strings()
			.withCharRange('a', 'z')
			.numeric()
			.ofMinLength(1)
			.ofMaxLength(8);
		return Arbitraries.oneOf(segment.map((s) -> "/" + s), segment.map((s) -> "https://example.com/" + s),
				segment.map((s) -> "urn:event:from:" + s));
	}

	/**
	 * Absolute URIs for {@code dataschema} and {@code schemaurl}.
	 * @return the arbitrary
	 */
	public static Arbitrary<URI> schemas() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.ofMinLength(1)
			.ofMaxLength(10)
			.map((s) -> URI.create("https://example.com/schemas/" + s));
	}

	/**
	 * Timestamps from 1970 to 2100 with nanoseconds and offsets in minutes.
	 * @return the arbitrary
	 */
	public static Arbitrary<OffsetDateTime> times() {
		Arbitrary<LocalDateTime> local = Arbitraries.longs()
			.between(0, 4102444800L)
			.map((seconds) -> LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
		Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999),
				Arbitraries.integers().between(0, 999_999_999));
		Arbitrary<ZoneOffset> offsets = Arbitraries.integers()
			.between(-18 * 60, 18 * 60)
			.map((minutes) -> ZoneOffset.ofTotalSeconds(minutes * 60));
		return Combinators.combine(local, nanos, offsets)
			.as((time, nano, offset) -> OffsetDateTime.of(time.withNano(nano), offset));
	}

	/**
	 * Extension names: lower-case letters and digits, 1 to 20 of them, never a core
	 * attribute of either version nor {@code data}.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> extensionNames() {
		return Arbitraries.strings()
			.withCharRange('a', 'z')
			.numeric()
			.ofMinLength(1)
			.ofMaxLength(20)
			.filter((name) -> !RESERVED_NAMES.contains(name));
	}

	/**
	 * Extension values of the types the JSON format carries natively: String (possibly
	 * empty), Integer and Boolean.
	 * @return the arbitrary
	 */
	public static Arbitrary<Object> extensionValues() {
		return Arbitraries.oneOf(strings(), Arbitraries.just(""), Arbitraries.integers(), Arbitraries.of(true, false));
	}

	/**
	 * Up to five extensions.
	 * @return the arbitrary
	 */
	public static Arbitrary<Map<String, Object>> extensions() {
		return Arbitraries.maps(extensionNames(), extensionValues()).ofMaxSize(5);
	}

	/**
	 * Data of every kind: random bytes with a binary content type or none, random bytes
	 * claiming to be text, JSON text with a JSON content type, and UTF-8 text with
	 * {@code text/plain}.
	 * @return the arbitrary
	 */
	public static Arbitrary<Data> data() {
		Arbitrary<byte[]> bytes = Arbitraries.bytes().list().ofMaxSize(64).map((list) -> {
			byte[] array = new byte[list.size()];
			for (int i = 0; i < array.length; i++) {
				array[i] = list.get(i);
			}
			return array;
		});
		Arbitrary<String> binaryTypes = Arbitraries.of("application/octet-stream",
				"application/vnd.apache.thrift.binary", "image/png");
		Arbitrary<String> jsonTypes = Arbitraries.of("application/json", "application/json; charset=utf-8",
				"application/vnd.example+json", "text/json");
		Arbitrary<String> textTypes = Arbitraries.of("text/plain", "text/plain; charset=utf-8", "application/xml",
				"text/csv; charset=UTF-8");
		return Arbitraries.oneOf(Combinators.combine(binaryTypes, bytes).as(Data::new),
				bytes.map((array) -> new Data(null, array)), Combinators.combine(textTypes, bytes).as(Data::new),
				Combinators.combine(jsonTypes, jsonDocuments()).as((type, json) -> new Data(type, utf8(json))),
				Combinators.combine(textTypes, text()).as((type, text) -> new Data(type, utf8(text))));
	}

	/**
	 * Text of any Unicode characters, control characters included, as text data may hold
	 * them.
	 * @return the arbitrary
	 */
	public static Arbitrary<String> text() {
		return Arbitraries.strings().all().ofMaxLength(40).filter(CloudEventArbitraries::hasNoUnpairedSurrogate);
	}

	private static boolean hasNoUnpairedSurrogate(String text) {
		return text.equals(new String(utf8(text), StandardCharsets.UTF_8));
	}

	/**
	 * JSON documents as text, with varying whitespace, never the literal {@code null}
	 * (which the JSON format reads as no data).
	 * @return the arbitrary
	 */
	public static Arbitrary<String> jsonDocuments() {
		return jsonValues(3).filter((json) -> !json.equals("null"));
	}

	private static Arbitrary<String> jsonValues(int depth) {
		Arbitrary<String> scalars = Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf),
				Arbitraries.doubles().between(-1e12, 1e12).map(String::valueOf),
				Arbitraries.of("true", "false", "null"), text().map(CloudEventArbitraries::quote));
		if (depth == 0) {
			return scalars;
		}
		Arbitrary<String> inner = jsonValues(depth - 1);
		Arbitrary<String> space = Arbitraries.of("", " ", "\n  ", "\t");
		Arbitrary<String> arrays = Combinators.combine(inner.list().ofMaxSize(4), space)
			.as((values, ws) -> "[" + ws + String.join("," + ws, values) + ws + "]");
		Arbitrary<String> objects = Combinators
			.combine(Arbitraries.maps(text().map(CloudEventArbitraries::quote), inner).ofMaxSize(4), space)
			.as((members, ws) -> members.entrySet()
				.stream()
				.map((member) -> member.getKey() + ws + ":" + ws + member.getValue())
				.collect(Collectors.joining("," + ws, "{" + ws, ws + "}")));
		return Arbitraries.frequencyOf(Tuple.of(2, scalars), Tuple.of(1, arrays), Tuple.of(1, objects));
	}

	private static String quote(String text) {
		return JsonMapper.shared().writeValueAsString(text);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
