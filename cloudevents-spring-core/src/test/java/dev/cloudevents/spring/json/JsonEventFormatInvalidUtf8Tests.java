package dev.cloudevents.spring.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every string of an event the JSON format reads must be UTF-8 (RFC 8259 section 8.1),
 * data included: each ill-formed sequence, wherever it stands in the data, in both spec
 * versions, alone or in a batch, is rejected naming {@code data}.
 */
class JsonEventFormatInvalidUtf8Tests {

	private static final List<String> SEQUENCES = List.of("EDA080", "EDBFBF", "C0AF", "C1BF", "E080AF", "F08080AF",
			"F4908080", "F5808080", "FF", "E282", "F09F98", "80", "BF");

	/** Where in the data the bytes go: around them, with %s for them. */
	private static final List<String> PLACES = List.of("\"%s\"", "{\"k\":\"a%sb\"}", "[1,\"%s\"]", "{\"%s\":1}",
			"{\"a\":[{\"b%s\":true}]}");

	private final JsonEventFormat format = new JsonEventFormat();

	static List<Arguments> invalidData() {
		List<Arguments> arguments = new ArrayList<>();
		for (String version : List.of("1.0", "0.3")) {
			for (String sequence : SEQUENCES) {
				for (String place : PLACES) {
					arguments.add(Arguments.of(version, sequence, place));
				}
			}
		}
		return arguments;
	}

	@ParameterizedTest(name = "{0}: {1} in {2}")
	@MethodSource("invalidData")
	void invalidUtf8InDataIsRejectedNamingData(String version, String sequence, String place) {
		byte[] json = event(version, place, sequence);
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.format.deserialize(json))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("data"))
			.withMessageStartingWith("Attribute 'data' must be valid UTF-8 (RFC 3629), but the byte 0x"
					+ sequence.substring(0, 2) + " at offset ");
	}

	@ParameterizedTest(name = "{0}: {1} in {2}")
	@MethodSource("invalidData")
	void invalidUtf8InTheDataOfAnEventOfABatchIsRejectedNamingDataAndTheEvent(String version, String sequence,
			String place) {
		ByteArrayOutputStream batch = new ByteArrayOutputStream();
		batch.writeBytes(utf8("["));
		batch.writeBytes(event(version, utf8("{}")));
		batch.writeBytes(utf8(","));
		batch.writeBytes(event(version, place, sequence));
		batch.writeBytes(utf8("]"));
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format.deserializeBatch(batch.toByteArray()))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("data"))
			.withMessageStartingWith("Attribute 'data' must be valid UTF-8")
			.withMessageEndingWith("(in the event at index 1 of the batch)");
	}

	@Test
	void validUtf8OfEveryLengthIsReadAndWrittenAsItCame() {
		// 'é', '€', U+FFFF, an emoji and U+10FFFF, straddling the eight-byte words the
		// check reads
		for (int padding = 0; padding < 8; padding++) {
			String text = "x".repeat(padding) + "\u00e9\u20ac\uffff\ud83d\ude00\udbff\udfff";
			String data = "{\"" + text + "\":\"" + text + "\"}";
			CloudEvent event = this.format.deserialize(event("1.0", utf8(data)));
			assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo(data);
			assertThat(new String(this.format.serialize(event), StandardCharsets.UTF_8)).contains(data);
		}
	}

	@Test
	void escapedCharactersAreNotBytesAndStayValid() {
		CloudEvent event = this.format.deserialize(event("1.0", utf8("\"\\u00c0\\u00af\"")));
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("\"\\u00c0\\u00af\"");
	}

	@Test
	void textDataWithCharactersPairedOrInItsCharsetIsEncodedExactly() {
		CloudEvent event = this.format.deserialize(utf8("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\","
				+ "\"type\":\"t\",\"datacontenttype\":\"text/plain\",\"data\":\"\\ud83d\\ude00\u00e9\"}"));
		assertThat(event.data()).isEqualTo(utf8("\ud83d\ude00\u00e9"));
	}

	@Test
	void aMemberNameThatJacksonWouldDecodeToACoreAttributeIsRejected() {
		// C1 A9 is an overlong 'i': a lenient decoder reads "id"
		byte[] json = concat(utf8("{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\",\""), hex("C1A9"),
				utf8("d\":\"1\"}"));
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.format.deserialize(json))
			.withMessage("The name of a member of the event must be valid UTF-8 (RFC 3629), but the byte 0xC1 at "
					+ "offset 47 starts no well-formed sequence")
			.satisfies((ex) -> assertThat(ex.getAttribute()).isNull());
	}

	@Test
	void malformedJsonBeforeTheInvalidByteIsReportedAsMalformed() {
		byte[] json = concat(utf8("{\"id\" 1,\"data\":\""), hex("C0AF"), utf8("\"}"));
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.format.deserialize(json))
			.withMessageStartingWith("Malformed JSON at line 1, column 7");
	}

	@Test
	void invalidUtf8OutsideAnyStringIsRejected() {
		byte[] json = concat(utf8("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\""),
				hex("C0AF"), utf8("}"));
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.format.deserialize(json))
			.withMessage("The JSON is not valid UTF-8 (RFC 3629): the byte 0xC0 at offset 54 starts no well-formed "
					+ "sequence");
	}

	@Test
	void aUtf16DocumentIsStillToldToBeUtf8() {
		byte[] json = "{\"specversion\":\"1.0\",\"id\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_16);
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.format.deserialize(json))
			.withMessage("A CloudEvent in the JSON format must be encoded in UTF-8");
	}

	private static byte[] event(String version, byte[] data) {
		return concat(
				utf8("{\"specversion\":\"" + version + "\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\",\"data\":"),
				data, utf8("}"));
	}

	private static byte[] event(String version, String place, String sequence) {
		String[] around = place.split("%s", -1);
		return event(version, concat(utf8(around[0]), hex(sequence), utf8(around[1])));
	}

	private static byte[] hex(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	private static byte[] concat(byte[] first, byte[] second, byte[] third) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(first);
		out.writeBytes(second);
		out.writeBytes(third);
		return out.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
