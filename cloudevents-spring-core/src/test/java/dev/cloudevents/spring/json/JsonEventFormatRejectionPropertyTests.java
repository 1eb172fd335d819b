package dev.cloudevents.spring.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.cloudevents.spring.CloudEventArbitraries;
import dev.cloudevents.spring.InvalidCloudEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties that say what must be rejected. Each generator turns random valid events
 * into input that breaks exactly one rule of the spec; the JSON format must reject every
 * input of every generator, alone and in a batch, naming the attribute at fault where
 * there is one. jqwik's statistics count each generator's inputs by variant and outcome.
 */
class JsonEventFormatRejectionPropertyTests {

	private static final JsonMapper JSON = JsonMapper.shared();

	/** Noncharacters, which valid generated strings never hold: replaced by the bytes. */
	private static final String MARK = "\ufdd0\ufdd1";

	private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.UTF_8);

	private static final List<String> ILL_FORMED = List.of("EDA080", "EDBFBF", "C0AF", "C1BF", "E080AF", "F08080AF",
			"F4908080", "F5808080", "FF", "E282", "F09F98", "80", "BF");

	private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type");

	private static final List<String> CORE = List.of("specversion", "id", "source", "type", "datacontenttype",
			"dataschema", "schemaurl", "datacontentencoding", "subject", "time", "data", "data_base64");

	private final JsonEventFormat format = new JsonEventFormat();

	@Property(tries = 400)
	void anEventWithoutARequiredAttributeIsRejected(@ForAll("events") ObjectNode event,
			@ForAll("required") String attribute, @ForAll boolean asNull, @ForAll boolean inBatch) {
		if (asNull) {
			event.putNull(attribute);
		}
		else {
			event.remove(attribute);
		}
		assertRejected(attribute + (asNull ? " null" : " missing"), bytes(event), inBatch, attribute);
	}

	@Property(tries = 600)
	void invalidUtf8InAnAttributeValueIsRejectedNamingIt(@ForAll("events") ObjectNode event,
			@ForAll("illFormed") String sequence, @ForAll("positions") double position, @ForAll boolean inBatch) {
		List<String> strings = new ArrayList<>();
		event.properties().forEach((member) -> {
			if (member.getValue().isString() && !member.getKey().equals("data")) {
				strings.add(member.getKey());
			}
		});
		String attribute = strings.get((int) (position * strings.size()) % strings.size());
		String value = event.get(attribute).asString();
		int at = (int) (position * value.length());
		event.put(attribute, value.substring(0, at) + MARK + value.substring(at));
		Statistics.label("sequence").collect(sequence);
		assertRejected(kind(attribute), marked(event, sequence), inBatch, attribute);
	}

	@Property(tries = 1000)
	void invalidUtf8AnywhereInDataIsRejectedNamingData(@ForAll("events") ObjectNode event,
			@ForAll("markedData") JsonNode data, @ForAll("illFormed") String sequence, @ForAll boolean dataFirst,
			@ForAll boolean inBatch) {
		event.remove("data_base64");
		event.remove("datacontentencoding");
		if (data.isString()) {
			event.put("datacontenttype", "text/plain");
		}
		else {
			event.remove("datacontenttype");
		}
		ObjectNode withData = JsonNodeFactory.instance.objectNode();
		if (dataFirst) {
			withData.set("data", data);
		}
		withData.setAll(event);
		withData.set("data", data);
		assertRejected(event.get("specversion").asString() + (data.isString() ? " text " : " json ") + sequence,
				marked(withData, sequence), inBatch, "data");
	}

	@Property(tries = 300)
	void invalidUtf8InAMemberNameIsRejected(@ForAll("events") ObjectNode event, @ForAll("illFormed") String sequence,
			@ForAll boolean inBatch) {
		event.put("ext" + MARK, "x");
		assertRejected(sequence, marked(event, sequence), inBatch, null);
	}

	@Property(tries = 400)
	void aBrokenTimestampIsRejected(@ForAll("events") ObjectNode event,
			@ForAll("brokenTimes") Tuple2<String, String> time, @ForAll boolean inBatch) {
		event.put("time", time.get2());
		assertRejected(time.get1(), bytes(event), inBatch, "time");
	}

	@Property(tries = 300)
	void dataNextToDataBase64IsRejected(@ForAll("events") ObjectNode event, @ForAll("dataValues") JsonNode data,
			@ForAll byte[] bytes, @ForAll boolean inBatch) {
		event.remove("datacontentencoding");
		event.set("data", data);
		event.put("data_base64", Base64.getEncoder().encodeToString(bytes));
		assertRejected(event.get("specversion").asString(), bytes(event), inBatch, "data_base64");
	}

	@Property(tries = 300)
	void anUnknownSpecVersionIsRejected(@ForAll("events") ObjectNode event, @ForAll("badVersions") JsonNode version,
			@ForAll boolean inBatch) {
		event.set("specversion", version);
		assertRejected(version.isString() ? "string" : version.getNodeType().toString(), bytes(event), inBatch,
				"specversion");
	}

	@Property(tries = 400)
	void aBadExtensionNameIsRejected(@ForAll("events") ObjectNode event, @ForAll("badExtensionNames") String name,
			@ForAll boolean inBatch) {
		event.put(name, "x");
		assertRejected(name.isEmpty() ? "empty" : "bad name", bytes(event), inBatch, name.isEmpty() ? null : name);
	}

	@Property(tries = 300)
	void aBadExtensionValueIsRejected(@ForAll("events") ObjectNode event, @ForAll("badExtensionValues") JsonNode value,
			@ForAll boolean inBatch) {
		event.set("myext", value);
		assertRejected(value.getNodeType().toString(), bytes(event), inBatch, "myext");
	}

	@Property(tries = 300)
	void aControlCharacterInAStringAttributeIsRejected(@ForAll("events") ObjectNode event,
			@ForAll("stringAttributes") String attribute, @ForAll("controlCharacters") char control,
			@ForAll boolean inBatch) {
		event.put(attribute, "a" + control + "b");
		assertRejected(attribute, bytes(event), inBatch, attribute);
	}

	@Property(tries = 300)
	void aMemberThatAppearsTwiceIsRejected(@ForAll("events") ObjectNode event, @ForAll("positions") double position,
			@ForAll boolean inBatch) {
		List<Map.Entry<String, JsonNode>> members = new ArrayList<>(event.properties());
		Map.Entry<String, JsonNode> member = members.get((int) (position * members.size()) % members.size());
		byte[] json = bytes(event);
		byte[] repeated = ("," + JSON.writeValueAsString(member.getKey()) + ":"
				+ JSON.writeValueAsString(member.getValue()) + "}")
			.getBytes(StandardCharsets.UTF_8);
		byte[] result = Arrays.copyOf(json, json.length - 1 + repeated.length);
		System.arraycopy(repeated, 0, result, json.length - 1, repeated.length);
		assertRejected(kind(member.getKey()), result, inBatch, member.getKey());
	}

	@Property(tries = 300)
	void aBatchMixingSpecVersionsIsRejected(@ForAll("events") ObjectNode first, @ForAll("events") ObjectNode second,
			@ForAll("eventLists") List<ObjectNode> others) {
		ArrayNode batch = JsonNodeFactory.instance.arrayNode();
		boolean mixed = !first.get("specversion").equals(second.get("specversion"));
		batch.add(first);
		others.forEach(batch::add);
		if (!mixed) {
			ObjectNode other = second.deepCopy();
			other.put("specversion", first.get("specversion").asString().equals("1.0") ? "0.3" : "1.0");
			other.remove(List.of("dataschema", "schemaurl", "datacontentencoding", "data_base64", "data"));
			second = other;
		}
		batch.add(second);
		Throwable thrown = catchThrowable(() -> this.format.deserializeBatch(JSON.writeValueAsBytes(batch)));
		Statistics.collect((thrown instanceof InvalidCloudEventException) ? "rejected" : "accepted");
		assertThat(thrown).isInstanceOf(InvalidCloudEventException.class)
			.hasMessageContaining("A batch must not mix spec versions");
	}

	private void assertRejected(String variant, byte[] event, boolean inBatch, @Nullable String attribute) {
		byte[] json = inBatch ? inBatch(event) : event;
		Throwable thrown = catchThrowable(() -> {
			if (inBatch) {
				this.format.deserializeBatch(json);
			}
			else {
				this.format.deserialize(json);
			}
		});
		Statistics.label("variant").collect(variant);
		Statistics.label("outcome")
			.collect(((thrown instanceof InvalidCloudEventException) ? "rejected" : "accepted")
					+ (inBatch ? " in a batch" : " alone"));
		assertThat(thrown).as(new String(json, StandardCharsets.ISO_8859_1))
			.isInstanceOf(InvalidCloudEventException.class);
		if (attribute != null) {
			assertThat(((InvalidCloudEventException) thrown).getAttribute()).as(thrown.getMessage())
				.isEqualTo(attribute);
		}
	}

	private static String kind(String member) {
		return CORE.contains(member) ? member : "an extension";
	}

	/** The event after a valid one of the same version, as the second of a batch. */
	private byte[] inBatch(byte[] event) {
		ByteArrayOutputStream batch = new ByteArrayOutputStream();
		String version = (indexOf(event, "\"specversion\":\"0.3\"".getBytes(StandardCharsets.UTF_8)) >= 0) ? "0.3"
				: "1.0";
		batch.writeBytes(("[{\"specversion\":\"" + version + "\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"},")
			.getBytes(StandardCharsets.UTF_8));
		batch.writeBytes(event);
		batch.write(']');
		return batch.toByteArray();
	}

	private static byte[] bytes(JsonNode json) {
		return JSON.writeValueAsBytes(json);
	}

	/** The JSON with the ill-formed sequence where the mark is. */
	private static byte[] marked(JsonNode json, String sequence) {
		byte[] bytes = bytes(json);
		int at = indexOf(bytes, MARK_BYTES);
		assertThat(at).isNotNegative();
		byte[] invalid = HexFormat.of().parseHex(sequence);
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		result.write(bytes, 0, at);
		result.writeBytes(invalid);
		result.write(bytes, at + MARK_BYTES.length, bytes.length - at - MARK_BYTES.length);
		return result.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part) {
		outer: for (int i = 0; i + part.length <= bytes.length; i++) {
			for (int k = 0; k < part.length; k++) {
				if (bytes[i + k] != part[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Valid events of both versions as Jackson trees. */
	@Provide
	Arbitrary<ObjectNode> events() {
		return CloudEventArbitraries.events().map((event) -> (ObjectNode) JSON.readTree(this.format.serialize(event)));
	}

	@Provide
	Arbitrary<List<ObjectNode>> eventLists() {
		return events().list().ofMaxSize(3);
	}

	@Provide
	Arbitrary<String> required() {
		return Arbitraries.of(REQUIRED);
	}

	@Provide
	Arbitrary<String> stringAttributes() {
		return Arbitraries.of("id", "source", "type", "subject");
	}

	@Provide
	Arbitrary<String> illFormed() {
		return Arbitraries.of(ILL_FORMED);
	}

	@Provide
	Arbitrary<Double> positions() {
		return Arbitraries.doubles().between(0, 1);
	}

	/**
	 * JSON data with the mark in a string or a member name, at any depth, beside random
	 * JSON values; or a text string holding the mark.
	 */
	@Provide
	Arbitrary<JsonNode> markedData() {
		Arbitrary<JsonNode> sibling = CloudEventArbitraries.jsonDocuments().map(JSON::readTree);
		Arbitrary<String> text = CloudEventArbitraries.text();
		Arbitrary<JsonNode> marked = Combinators.combine(text, text)
			.as((before, after) -> JsonNodeFactory.instance.stringNode(before + MARK + after));
		Arbitrary<JsonNode> nested = Combinators
			.combine(marked, sibling, sibling, Arbitraries.integers().between(0, 3), text)
			.as((inner, left, right, shape, name) -> {
				JsonNodeFactory nodes = JsonNodeFactory.instance;
				ObjectNode object = nodes.objectNode();
				switch (shape) {
					case 0 -> {
						return nodes.arrayNode().add(left).add(inner).add(right);
					}
					case 1 -> object.set("a", left).set(name, inner);
					case 2 -> object.set(name + MARK, left);
					default -> object.set("a", nodes.arrayNode().add(left).add(nodes.objectNode().set("b", inner)));
				}
				return object;
			});
		return Arbitraries.oneOf(marked, nested);
	}

	@Provide
	Arbitrary<JsonNode> dataValues() {
		return Arbitraries.oneOf(CloudEventArbitraries.jsonDocuments().map(JSON::readTree),
				CloudEventArbitraries.text().map(JsonNodeFactory.instance::stringNode));
	}

	/** Timestamps that break RFC 3339 in one place each, with what is broken. */
	@Provide
	Arbitrary<Tuple2<String, String>> brokenTimes() {
		Arbitrary<String> valid = CloudEventArbitraries.times().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
		return Combinators.combine(valid, Arbitraries.integers().between(0, 9)).as((time, breaker) -> switch (breaker) {
			case 0 -> Tuple.of("month 13", "2020-13" + time.substring(7));
			case 1 -> Tuple.of("day 32", time.substring(0, 8) + "32" + time.substring(10));
			case 2 -> Tuple.of("hour 25", time.substring(0, 11) + "25" + time.substring(13));
			case 3 -> Tuple.of("minute 61", time.substring(0, 14) + "61" + time.substring(16));
			case 4 -> Tuple.of("no offset", time.substring(0, 19));
			case 5 -> Tuple.of("date only", time.substring(0, 10));
			case 6 -> Tuple.of("no T", time.replace('T', '_'));
			case 7 -> Tuple.of("offset +25:00", time.substring(0, 19) + "+25:00");
			case 8 -> Tuple.of("February 29 of 2021", "2021-02-29" + time.substring(10));
			default -> Tuple.of("no seconds", time.substring(0, 16) + "Z");
		});
	}

	@Provide
	Arbitrary<JsonNode> badVersions() {
		return Arbitraries.oneOf(
				Arbitraries.strings()
					.withCharRange(' ', '\ud7ff')
					.ofMaxLength(6)
					.filter((version) -> !version.equals("1.0") && !version.equals("0.3"))
					.map(JsonNodeFactory.instance::stringNode),
				Arbitraries.of(JsonNodeFactory.instance.numberNode(1.0), JsonNodeFactory.instance.numberNode(1),
						JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.objectNode(),
						JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.stringNode("1.0 "),
						JsonNodeFactory.instance.stringNode("v1.0"), JsonNodeFactory.instance.stringNode("0.3.0")));
	}

	/** A valid name with one character that no extension name may hold, or none. */
	@Provide
	Arbitrary<String> badExtensionNames() {
		Arbitrary<Character> bad = Arbitraries.chars()
			.all()
			.filter((c) -> !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) && !Character.isSurrogate(c));
		return Arbitraries.oneOf(Arbitraries.just(""),
				Combinators.combine(CloudEventArbitraries.extensionNames(), bad, positions())
					.as((name, c, position) -> {
						int at = (int) (position * name.length());
						return name.substring(0, at) + c + name.substring(at);
					})
					.filter((name) -> !name.equals("data_base64")));
	}

	@Provide
	Arbitrary<JsonNode> badExtensionValues() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return Arbitraries.oneOf(Arbitraries.doubles().map(nodes::numberNode),
				Arbitraries.longs()
					.filter((value) -> value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)
					.map(nodes::numberNode),
				Arbitraries.of(nodes.objectNode(), nodes.arrayNode(), nodes.arrayNode().add(1),
						nodes.objectNode().put("a", "b")));
	}

	@Provide
	Arbitrary<Character> controlCharacters() {
		return Arbitraries.oneOf(Arbitraries.chars().range('\0', '\u001f'),
				Arbitraries.chars().range('\u007f', '\u009f'));
	}

}
