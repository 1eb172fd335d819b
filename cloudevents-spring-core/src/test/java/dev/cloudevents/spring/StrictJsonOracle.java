package dev.cloudevents.spring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An oracle for fuzz tests that shares no code with the one under test: Jackson's parser
 * decoding every string, the JDK's UTF-8 decoder (which, unlike Jackson, rejects overlong
 * forms, surrogates and sequences above U+10FFFF), and Jackson's tree of a document
 * compared member by member with the event read from it.
 */
public final class StrictJsonOracle {

	private static final JsonFactory STRICT = new JsonFactory();

	private static final JsonMapper JSON = JsonMapper.shared();

	private StrictJsonOracle() {
	}

	/**
	 * Return whether bytes are well-formed UTF-8 by the JDK's decoder.
	 * @param bytes the bytes
	 * @return whether they are UTF-8
	 */
	public static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * Return whether bytes are exactly one JSON value in UTF-8 without a byte order mark
	 * (which RFC 8259 forbids writing): well-formed by the JDK's decoder, and read to the
	 * end by Jackson's parser with every string decoded.
	 * @param bytes the bytes
	 * @return whether they are one strict JSON value
	 */
	public static boolean isStrictJson(byte[] bytes) {
		if (bytes.length == 0 || bytes[0] < 0 || !isUtf8(bytes)) {
			return false;
		}
		for (int i = 0; i < Math.min(4, bytes.length); i++) {
			if (bytes[i] == 0) {
				// Jackson would guess UTF-16 or UTF-32
				return false;
			}
		}
		try (JsonParser parser = STRICT.createParser(ObjectReadContext.empty(), bytes)) {
			JsonToken token = parser.nextToken();
			int depth = 0;
			while (token != null) {
				switch (token) {
					case START_OBJECT, START_ARRAY -> depth++;
					case END_OBJECT, END_ARRAY -> depth--;
					case VALUE_STRING -> parser.getString();
					default -> {
					}
				}
				if (depth == 0) {
					return parser.nextToken() == null;
				}
				token = parser.nextToken();
			}
			return false;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/**
	 * Return whether bytes are one strict JSON value after a byte order mark, if any,
	 * which RFC 8259 lets a reader ignore.
	 * @param bytes the bytes
	 * @return whether they are one strict JSON value
	 */
	public static boolean isStrictJsonToRead(byte[] bytes) {
		boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
				&& bytes[2] == (byte) 0xBF;
		return isStrictJson(bom ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes);
	}

	/**
	 * Assert that an event read from a JSON object holds what Jackson's tree of that
	 * object holds: each attribute, each extension with its JSON type, and the data (a
	 * JSON value equal to the tree's, or the text or Base64 bytes the tree holds).
	 * @param event the event read
	 * @param json the JSON object it was read from
	 */
	public static void assertReadAsJacksonReadsIt(CloudEvent event, JsonNode json) {
		for (String name : new String[] { "specversion", "id", "source", "type", "subject", "dataschema",
				"schemaurl" }) {
			JsonNode value = json.path(name);
			if (value.isString() && event.specVersion().isCoreAttribute(name)) {
				assertThat(event.attributeAsString(name)).as(name).isEqualTo(value.asString());
			}
		}
		if (json.path("datacontenttype").isString()) {
			assertThat(event.dataContentType()).isEqualTo(json.path("datacontenttype").asString());
		}
		JsonNode time = json.path("time");
		if (time.isString()) {
			try {
				assertThat(event.time()).isAtSameInstantAs(OffsetDateTime.parse(time.asString()));
			}
			catch (DateTimeParseException ex) {
				// RFC 3339 forms java.time does not parse (a lower-case 't', say)
			}
		}
		for (Map.Entry<String, JsonNode> member : json.properties()) {
			String name = member.getKey();
			JsonNode value = member.getValue();
			if (name.equals("data") || name.equals("data_base64") || event.specVersion().isCoreAttribute(name)) {
				continue;
			}
			Object expected = value.isNull() ? null : value.isString() ? value.asString()
					: value.isInt() ? (Object) value.asInt() : value.isBoolean() ? (Object) value.asBoolean() : value;
			assertThat(event.extension(name)).as(name).isEqualTo(expected);
		}
		assertData(event, json);
	}

	private static void assertData(CloudEvent event, JsonNode json) {
		JsonNode base64 = json.path("data_base64");
		JsonNode data = json.path("data");
		if (base64.isString()) {
			assertThat(event.data()).isEqualTo(Base64.getMimeDecoder().decode(base64.asString()));
			return;
		}
		if (data.isMissingNode() || data.isNull()) {
			assertThat(event.data()).isNull();
			return;
		}
		String contentType = event.dataContentType();
		if (json.path("datacontentencoding").isString() && event.specVersion() == SpecVersion.V0_3) {
			assertThat(event.data()).isEqualTo(Base64.getDecoder().decode(data.asString()));
		}
		else if (contentType == null || JsonEventFormat.isJsonContentType(contentType)) {
			assertThat(JSON.readTree(event.data())).isEqualTo(data);
		}
		else {
			Charset charset = MimeTypeUtils.parseMimeType(contentType).getCharset();
			assertThat(new String(event.data(), (charset != null) ? charset : StandardCharsets.UTF_8))
				.isEqualTo(data.asString());
		}
	}

}
