package dev.cloudevents.spring.http;

import java.net.URI;
import java.time.OffsetDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HeaderValuesTests {

	@Test
	void encodesTheSpecExample() {
		assertThat(HeaderValues.encode("Euro \u20AC \uD83D\uDE00")).isEqualTo("Euro%20%E2%82%AC%20%F0%9F%98%80");
	}

	@Test
	void decodesTheSpecExample() {
		assertThat(HeaderValues.decode("x", "Euro%20%E2%82%AC%20%F0%9F%98%80")).isEqualTo("Euro \u20AC \uD83D\uDE00");
	}

	@Test
	void rejectsTheOverlongEncodingOfSpace() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> HeaderValues.decode("subject", "%C0%A0"))
			.withMessageContaining("'subject'")
			.withMessageContaining("not valid UTF-8");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%", "%4", "abc%zz", "%G0" })
	void rejectsAPercentNotFollowedByTwoHexDigits(String value) {
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> HeaderValues.decode("id", value))
			.withMessageContaining("two hex digits");
	}

	@ParameterizedTest
	@ValueSource(strings = { "%ED%A0%80", "%FF", "%E2%82", "%F8%88%80%80%80" })
	void rejectsInvalidUtf8(String value) {
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> HeaderValues.decode("id", value))
			.withMessageContaining("not valid UTF-8");
	}

	@Test
	void anEventOfHeaderTokensNeedsNoEncoding() {
		CloudEvent event = tokens().extension("count", -3)
			.extension("flag", true)
			.extension("at", OffsetDateTime.parse("2025-06-01T12:34:56.789+05:30"))
			.extension("blob", new byte[] { -1, -2, -3 })
			.extension("link", URI.create("https://example.com/a?b=c&d#e"))
			.build();
		assertThat(HeaderValues.mayNeedEncoding(event)).isFalse();
		assertThat(HeaderValues.mayNeedEncoding(event.mutate().subject("other").build())).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "type", "subject", "extension", "datacontentencoding" })
	void aStringAttributeWithSpaceQuoteOrPercentOrBeyondAsciiNeedsEncoding(String attribute) {
		for (String value : new String[] { "a b", "a\"b", "100%", "caf\u00e9", "\u20ac" }) {
			CloudEvent.Builder builder = tokens();
			switch (attribute) {
				case "id" -> builder.id(value);
				case "type" -> builder.type(value);
				case "subject" -> builder.subject(value);
				case "extension" -> builder.extension("note", value);
				default -> builder.specVersion(SpecVersion.V0_3).dataContentEncoding(value);
			}
			CloudEvent event = builder.build();
			// binary mode carries no datacontentencoding, so only that one needs none
			assertThat(HeaderValues.mayNeedEncoding(event)).as(attribute + "=" + value)
				.isEqualTo(!attribute.equals("datacontentencoding"));
		}
	}

	@Test
	void aUriWithAPercentEscapeNeedsEncoding() {
		assertThat(HeaderValues.mayNeedEncoding(tokens().source("/a%20b").build())).isTrue();
		assertThat(HeaderValues.mayNeedEncoding(tokens().source(URI.create("/a%20b")).build())).isTrue();
		assertThat(HeaderValues.mayNeedEncoding(tokens().dataSchema(URI.create("https://example.com/a%20b")).build()))
			.isTrue();
		assertThat(HeaderValues.mayNeedEncoding(tokens().extension("link", URI.create("/a%20b")).build())).isTrue();
		assertThat(HeaderValues.mayNeedEncoding(JsonEventFormat.binaryModeBuilder()
			.attribute(CloudEvent.SPECVERSION, "1.0")
			.attribute(CloudEvent.ID, "1")
			.attribute(CloudEvent.SOURCE, "/s")
			.attribute(CloudEvent.TYPE, "t")
			.attribute(CloudEvent.DATASCHEMA, "https://example.com/a%20b")
			.build())).isTrue();
	}

	@Test
	void aValueThatNeedsEncodingIsNotForgottenByMutate() {
		CloudEvent event = tokens().subject("a b").build();
		assertThat(HeaderValues.mayNeedEncoding(event.mutate().id("other").build())).isTrue();
		assertThat(HeaderValues.mayNeedEncoding(tokens().build().mutate().subject("a b").build())).isTrue();
		assertThat(HeaderValues.mayNeedEncoding(event.toSpecVersion(SpecVersion.V0_3))).isTrue();
	}

	private static CloudEvent.Builder tokens() {
		return CloudEvent.builder()
			.id("6f1c2a9e-4b7d")
			.source("https://example.com/orders?x=1#top")
			.type("com.example.order.created")
			.subject("order-42")
			.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
	}

	@Test
	void encodesSpaceDoubleQuoteAndPercentButLeavesOtherPrintableAscii() {
		assertThat(HeaderValues.encode("a b\"c%d")).isEqualTo("a%20b%22c%25d");
		String printable = "!#$&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~";
		assertThat(HeaderValues.encode(printable)).isSameAs(printable);
	}

	@Test
	void encodesControlCharactersSoNoLineBreakReachesAHeader() {
		assertThat(HeaderValues.encode("a\r\nSet-Cookie: x")).isEqualTo("a%0D%0ASet-Cookie:%20x");
	}

	@Test
	void acceptsLowerCaseHexAndNeedlessEncoding() {
		assertThat(HeaderValues.decode("x", "%e2%82%ac%41%42")).isEqualTo("\u20ACAB");
	}

	@Test
	void unescapesDoubleQuotedStringsBeforePercentDecoding() {
		assertThat(HeaderValues.decode("x", "\"hello \\\"world\\\"\"")).isEqualTo("hello \"world\"");
		assertThat(HeaderValues.decode("x", "\"100%25\"")).isEqualTo("100%");
	}

	@Test
	void rejectsAnUnterminatedQuotedString() {
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> HeaderValues.decode("x", "\"open"))
			.withMessageContaining("unterminated quoted string");
	}

	@Test
	void takesRawHeaderBytesHandedOverAsLatin1BackAsUtf8() {
		String rawUtf8AsLatin1 = new String("\u20AC".getBytes(java.nio.charset.StandardCharsets.UTF_8),
				java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(HeaderValues.decode("x", rawUtf8AsLatin1)).isEqualTo("\u20AC");
	}

	@Property(tries = 2000)
	void decodingUndoesEncoding(@ForAll("values") String value) {
		String encoded = HeaderValues.encode(value);
		assertThat(encoded).matches("[\\x21-\\x7E]*");
		assertThat(HeaderValues.decode("x", encoded)).isEqualTo(value);
	}

	@Property(tries = 2000)
	void aDoubleQuotedEncodingDecodesAsTheBareOne(@ForAll("values") String value) {
		String quoted = "\"" + HeaderValues.encode(value).replace("\\", "\\\\") + "\"";
		assertThat(HeaderValues.decode("x", quoted)).isEqualTo(value);
	}

	@Property(tries = 2000)
	void valuesThatNeedNoEncodingAreKeptAsTheyAre(@ForAll("values") String value) {
		boolean plain = value.chars().allMatch((c) -> c > 0x20 && c < 0x7F && c != '"' && c != '%');
		assertThat(HeaderValues.encode(value) == value).isEqualTo(plain);
		if (plain) {
			assertThat(HeaderValues.decode("x", value)).isSameAs(value);
		}
	}

	@Provide
	Arbitrary<String> values() {
		// mostly printable ASCII, the common case, with every character that needs care
		Arbitrary<Character> special = Arbitraries.of(' ', '"', '%', '\\', '\u00e9', '\u20ac', '\u007f', '\t',
				'\u00ff');
		Arbitrary<Character> ascii = Arbitraries.chars().range('!', '~');
		Arbitrary<String> astral = Arbitraries.of("\uD83D\uDE00", "\uD800\uDC00");
		Arbitrary<String> character = Arbitraries.frequencyOf(Tuple.of(20, ascii.map(String::valueOf)),
				Tuple.of(3, special.map(String::valueOf)), Tuple.of(1, astral));
		return character.list().ofMaxSize(40).map((parts) -> String.join("", parts));
	}

}
