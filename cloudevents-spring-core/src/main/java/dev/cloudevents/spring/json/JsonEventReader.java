package dev.cloudevents.spring.json;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.Base64Variant;
import tools.jackson.core.Base64Variants;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.UTF8StreamJsonParser;

import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventFormatSupport;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.EventLimits.Limit;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;

/**
 * Reads events from one JSON document with a streaming parser: names are switched on as
 * the parser's canonical strings, JSON data is kept as the slice of the input it was read
 * from, and nothing about {@code data} is decided before the object ends, because
 * {@code specversion} and {@code datacontenttype} may come after it.
 */
final class JsonEventReader extends EventFormatSupport {

	static final String DATA = "data";

	static final String DATA_BASE64 = "data_base64";

	static final String BASE64 = "base64";

	static final String APPLICATION_JSON = "application/json";

	/** Standard alphabet, padding optional: some producers leave it out. */
	private static final Base64Variant BASE64_VARIANT = Base64Variants.MIME_NO_LINEFEEDS.withPaddingAllowed();

	private static final int SPECVERSION_BIT = 1;

	private static final int ID_BIT = 1 << 1;

	private static final int SOURCE_BIT = 1 << 2;

	private static final int TYPE_BIT = 1 << 3;

	private static final int DATACONTENTTYPE_BIT = 1 << 4;

	private static final int SUBJECT_BIT = 1 << 5;

	private static final int TIME_BIT = 1 << 6;

	private static final int DATASCHEMA_BIT = 1 << 7;

	private static final int SCHEMAURL_BIT = 1 << 8;

	private static final int DATACONTENTENCODING_BIT = 1 << 9;

	private static final int DATA_BIT = 1 << 10;

	private static final int DATA_BASE64_BIT = 1 << 11;

	/** The members with a bit in {@link #seen}, in the order of the bits. */
	private static final String[] MEMBERS = { CloudEvent.SPECVERSION, CloudEvent.ID, CloudEvent.SOURCE, CloudEvent.TYPE,
			CloudEvent.DATACONTENTTYPE, CloudEvent.SUBJECT, CloudEvent.TIME, CloudEvent.DATASCHEMA,
			CloudEvent.SCHEMAURL, CloudEvent.DATACONTENTENCODING, DATA, DATA_BASE64 };

	// the names of recent extensions read without a parser, by a hash of their bytes
	// (a race only loses an entry): names repeat from event to event
	private static final @Nullable String[] EXTENSION_NAMES = new String[64];

	private final byte[] json;

	// null when reading without a parser (readPlain)
	private final @Nullable JsonParser parser;

	private final EventLimits limits;

	private int seen;

	private @Nullable String specVersion;

	private @Nullable String id;

	private @Nullable String source;

	private @Nullable String type;

	private @Nullable String dataContentType;

	private @Nullable String subject;

	private @Nullable String time;

	private @Nullable Object dataSchema;

	private @Nullable Object schemaUrl;

	private @Nullable Object dataContentEncoding;

	private String[] extensionNames = new String[4];

	private Object[] extensionValues = new Object[4];

	private int extensionCount;

	/** Extension members read, null ones included. */
	private int extensionMembers;

	private @Nullable JsonToken dataToken;

	private int dataStart;

	private int dataEnd;

	private @Nullable String dataText;

	private byte @Nullable [] dataBase64;

	// what the last plain string or scalar read without a parser was
	private boolean plainAscii;

	private @Nullable Object plainScalar;

	private int plainMaxStringLength;

	JsonEventReader(byte[] json, @Nullable JsonParser parser, EventLimits limits) {
		this.json = json;
		this.parser = parser;
		this.limits = limits;
	}

	private JsonParser parser() {
		return Objects.requireNonNull(this.parser);
	}

	/**
	 * Read a single event without a parser if the document is plain: one object whose
	 * member names and attribute values are strings without escapes, whose extension
	 * values are strings, booleans or null, and whose {@code data} is any JSON value;
	 * strict RFC 8259 in UTF-8 within the limits. One pass checks the data and finds
	 * where it ends, where the parser would skip it token by token after a UTF-8 pass
	 * over the whole document.
	 * @param maxStringLength the longest string, in bytes, read this way: at most the
	 * parser's limit of both strings and names
	 * @return the event, or {@code null} if the document is not plain or not a valid
	 * event: the parser then reads it and gives the verdict, so that both ways agree on
	 * every document
	 */
	@Nullable CloudEvent readPlain(int maxStringLength) {
		this.plainMaxStringLength = maxStringLength;
		byte[] json = this.json;
		int length = json.length;
		int i = JsonValidator.skipWhitespace(json, 0);
		if (i >= length || json[i] != '{') {
			return null;
		}
		i = JsonValidator.skipWhitespace(json, i + 1);
		if (i < length && json[i] == '}') {
			i++;
		}
		else {
			while (true) {
				if (i >= length || json[i] != '"') {
					return null;
				}
				int nameEnd = plainStringEnd(i + 1);
				if (nameEnd < 0 || !this.plainAscii || nameEnd - i - 1 > this.plainMaxStringLength) {
					return null;
				}
				int value = JsonValidator.skipWhitespace(json, nameEnd + 1);
				if (value >= length || json[value] != ':') {
					return null;
				}
				value = JsonValidator.skipWhitespace(json, value + 1);
				i = (value < length) ? plainMember(i + 1, nameEnd, value) : -1;
				i = JsonValidator.skipWhitespace(json, i);
				if (i < 0 || i >= length) {
					return null;
				}
				if (json[i] == '}') {
					i++;
					break;
				}
				if (json[i] != ',') {
					return null;
				}
				i = JsonValidator.skipWhitespace(json, i + 1);
			}
		}
		if (JsonValidator.skipWhitespace(json, i) != length || !plainDataText()) {
			return null;
		}
		try {
			return build();
		}
		catch (InvalidCloudEventException ex) {
			return null;
		}
	}

	/**
	 * Read the value of a member whose name is {@code json[nameStart, nameEnd)}.
	 * @return the index after the value, or -1 if it is not plain
	 */
	private int plainMember(int nameStart, int nameEnd, int value) {
		int member = memberIndex(this.json, nameStart, nameEnd - nameStart);
		if (member < 0) {
			return plainExtension(nameStart, nameEnd, value);
		}
		int bit = 1 << member;
		if ((this.seen & bit) != 0) {
			return -1;
		}
		this.seen |= bit;
		if (bit == DATA_BIT) {
			return plainData(value);
		}
		if (bit == DATA_BASE64_BIT) {
			return -1;
		}
		int end = plainScalar(value, bit < DATASCHEMA_BIT);
		if (end < 0) {
			return -1;
		}
		Object scalar = this.plainScalar;
		switch (bit) {
			case SPECVERSION_BIT -> this.specVersion = (String) scalar;
			case ID_BIT -> this.id = (String) scalar;
			case SOURCE_BIT -> this.source = (String) scalar;
			case TYPE_BIT -> this.type = (String) scalar;
			case DATACONTENTTYPE_BIT -> this.dataContentType = (String) scalar;
			case SUBJECT_BIT -> this.subject = (String) scalar;
			case TIME_BIT -> this.time = (String) scalar;
			case DATASCHEMA_BIT -> this.dataSchema = scalar;
			case SCHEMAURL_BIT -> this.schemaUrl = scalar;
			default -> this.dataContentEncoding = scalar;
		}
		return end;
	}

	private int plainExtension(int nameStart, int nameEnd, int value) {
		if (++this.extensionMembers > this.limits.maxExtensions()) {
			return -1;
		}
		String name = extensionName(this.json, nameStart, nameEnd - nameStart);
		for (int i = 0; i < this.extensionCount; i++) {
			if (this.extensionNames[i].equals(name)) {
				return -1;
			}
		}
		int end = plainScalar(value, false);
		if (end >= 0 && this.plainScalar != null) {
			if (this.extensionCount == this.extensionNames.length) {
				this.extensionNames = Arrays.copyOf(this.extensionNames, this.extensionCount * 2);
				this.extensionValues = Arrays.copyOf(this.extensionValues, this.extensionCount * 2);
			}
			this.extensionNames[this.extensionCount] = name;
			this.extensionValues[this.extensionCount++] = this.plainScalar;
		}
		return end;
	}

	/**
	 * Read a string without escapes, or null, and unless {@code stringOnly} a boolean,
	 * into {@link #plainScalar}.
	 * @return the index after it, or -1 for any other value
	 */
	private int plainScalar(int i, boolean stringOnly) {
		byte[] json = this.json;
		byte c = json[i];
		if (c == '"') {
			int end = plainStringEnd(i + 1);
			if (end < 0 || end - i - 1 > this.plainMaxStringLength) {
				return -1;
			}
			this.plainScalar = new String(json, i + 1, end - i - 1,
					this.plainAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
			return end + 1;
		}
		Object literal = null;
		int end = -1;
		if (c == 'n' && isLiteral(json, i, "null")) {
			end = i + 4;
		}
		else if (!stringOnly && c == 't' && isLiteral(json, i, "true")) {
			literal = Boolean.TRUE;
			end = i + 4;
		}
		else if (!stringOnly && c == 'f' && isLiteral(json, i, "false")) {
			literal = Boolean.FALSE;
			end = i + 5;
		}
		this.plainScalar = literal;
		return end;
	}

	private int plainData(int i) {
		byte[] json = this.json;
		byte c = json[i];
		if (c == 'n' && isLiteral(json, i, "null")) {
			return i + 4;
		}
		EventLimits limits = this.limits;
		// the event object is the first level; names in data are held to the parser's
		// limit of names, which plainMaxStringLength is within
		int end = JsonValidator.valueEnd(json, i, Math.max(0, limits.maxNestingDepth() - 2), limits.maxNumberLength(),
				limits.maxStringLength(), this.plainMaxStringLength);
		if (end < 0) {
			return -1;
		}
		// a value ends with no whitespace
		while (json[end - 1] <= ' ') {
			end--;
		}
		this.dataToken = switch (c) {
			case '{' -> JsonToken.START_OBJECT;
			case '[' -> JsonToken.START_ARRAY;
			case '"' -> JsonToken.VALUE_STRING;
			case 't' -> JsonToken.VALUE_TRUE;
			case 'f' -> JsonToken.VALUE_FALSE;
			default -> isInteger(json, i, end) ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
		};
		this.dataStart = i;
		this.dataEnd = end;
		return end;
	}

	/**
	 * Take string data as text where {@link #build} needs it, as {@link #readData} does:
	 * unless it is known to be JSON.
	 * @return whether it could be taken without unescaping
	 */
	private boolean plainDataText() {
		if (this.dataToken != JsonToken.VALUE_STRING || isKnownJsonData()) {
			return true;
		}
		if (plainStringEnd(this.dataStart + 1) != this.dataEnd - 1) {
			return false;
		}
		this.dataText = new String(this.json, this.dataStart + 1, this.dataEnd - this.dataStart - 2,
				StandardCharsets.UTF_8);
		return true;
	}

	/**
	 * Return the index of the closing quote of a string without escapes or control
	 * characters whose first byte is at {@code start}, setting {@link #plainAscii}, or
	 * -1.
	 */
	private int plainStringEnd(int start) {
		byte[] json = this.json;
		int length = json.length;
		boolean ascii = true;
		int i = start;
		while (i < length) {
			byte c = json[i];
			if (c == '"') {
				this.plainAscii = ascii;
				return i;
			}
			if (c >= 0x20 && c != '\\') {
				i++;
			}
			else if (c < 0) {
				ascii = false;
				i = Utf8.skipSequence(json, i);
				if (i < 0) {
					return -1;
				}
			}
			else {
				return -1;
			}
		}
		return -1;
	}

	private static boolean isLiteral(byte[] json, int start, String literal) {
		if (start + literal.length() > json.length) {
			return false;
		}
		for (int k = 0; k < literal.length(); k++) {
			if (json[start + k] != literal.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isInteger(byte[] json, int start, int end) {
		for (int i = start; i < end; i++) {
			byte c = json[i];
			if (c == '.' || c == 'e' || c == 'E') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the index in {@link #MEMBERS} of the member an ASCII name names, whose bit
	 * in {@link #seen} is {@code 1 << index}, or -1 for an extension.
	 */
	private static int memberIndex(byte[] json, int start, int length) {
		for (int i = 0; i < MEMBERS.length; i++) {
			String member = MEMBERS[i];
			if (member.length() == length && isLiteral(json, start, member)) {
				return i;
			}
		}
		return -1;
	}

	private static String extensionName(byte[] json, int start, int length) {
		int slot = (json[start] * 31 + json[start + length - 1] + length) & (EXTENSION_NAMES.length - 1);
		String cached = EXTENSION_NAMES[slot];
		if (cached != null && cached.length() == length && isLiteral(json, start, cached)) {
			return cached;
		}
		String name = new String(json, start, length, StandardCharsets.ISO_8859_1);
		EXTENSION_NAMES[slot] = name;
		return name;
	}

	CloudEvent readSingle() {
		checkUtf8(false);
		JsonToken token = firstToken();
		if (token != JsonToken.START_OBJECT) {
			throw new InvalidCloudEventException(
					"A CloudEvent in the JSON format must be a JSON object, but the document is " + describe(token));
		}
		CloudEvent event = readEvent();
		expectEnd("event");
		return event;
	}

	List<CloudEvent> readBatch() {
		checkUtf8(true);
		JsonToken token = firstToken();
		if (token != JsonToken.START_ARRAY) {
			throw new InvalidCloudEventException(
					"A batch of CloudEvents must be a JSON array, but the document is " + describe(token));
		}
		List<CloudEvent> events = null;
		SpecVersion version = null;
		int index = 0;
		int maxBatchSize = this.limits.maxBatchSize();
		while ((token = nextToken(index)) != JsonToken.END_ARRAY) {
			if (index == maxBatchSize) {
				throw new EventLimitExceededException(Limit.BATCH_SIZE,
						"The batch holds more than " + maxBatchSize + " events (limit " + Limit.BATCH_SIZE.key() + ")",
						null);
			}
			if (token != JsonToken.START_OBJECT) {
				throw new InvalidCloudEventException("Batch element at index " + index
						+ " must be a JSON object (a CloudEvent) but was " + describe(token));
			}
			CloudEvent event;
			try {
				event = readEvent();
			}
			catch (InvalidCloudEventException ex) {
				throw inBatch(ex, index);
			}
			catch (JacksonException ex) {
				throw inBatch(failure(ex, this.limits), index);
			}
			if (version == null) {
				version = event.specVersion();
				events = new ArrayList<>();
			}
			else if (event.specVersion() != version) {
				throw new InvalidCloudEventException("A batch must not mix spec versions: the event at index " + index
						+ " is " + event.specVersion() + " but the first one is " + version);
			}
			events.add(event);
			index++;
		}
		expectEnd("batch");
		return (events != null) ? events : Collections.emptyList();
	}

	private JsonToken nextToken(int index) {
		try {
			return parser().nextToken();
		}
		catch (JacksonException ex) {
			throw inBatch(failure(ex, this.limits), index);
		}
	}

	/**
	 * Reject a document that is not UTF-8 before reading it. Jackson checks less: it
	 * decodes overlong forms and sequences above U+10FFFF in strings, and validates no
	 * string it skips (the data), so a byte that is not UTF-8 would reach the event and
	 * be written again. One pass over every byte, data and names included, is cheaper
	 * than a check of each string as it is read.
	 */
	private void checkUtf8(boolean batch) {
		int invalid = Utf8.indexOfInvalid(this.json);
		if (invalid >= 0) {
			throw new InvalidUtf8Locator(parser(), this.json, invalid, this.limits).locate(batch);
		}
	}

	private @Nullable JsonToken firstToken() {
		JsonToken token = parser().nextToken();
		if (token != null && !(parser() instanceof UTF8StreamJsonParser)) {
			// Jackson detected UTF-16 or UTF-32: no byte offsets to slice data with
			throw notUtf8();
		}
		return token;
	}

	static InvalidCloudEventException notUtf8() {
		return new InvalidCloudEventException("A CloudEvent in the JSON format must be encoded in UTF-8");
	}

	private void expectEnd(String what) {
		JsonToken token = parser().nextToken();
		if (token != null) {
			TokenStreamLocation location = parser().currentTokenLocation();
			throw new InvalidCloudEventException("Unexpected content after the " + what + " at line "
					+ location.getLineNr() + ", column " + location.getColumnNr() + ": " + describe(token));
		}
	}

	/**
	 * Read the members of an object whose {@code START_OBJECT} is the current token and
	 * build the event.
	 */
	private CloudEvent readEvent() {
		reset();
		JsonParser parser = parser();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (name) {
				case CloudEvent.SPECVERSION -> this.specVersion = coreString(name, SPECVERSION_BIT, token);
				case CloudEvent.ID -> this.id = coreString(name, ID_BIT, token);
				case CloudEvent.SOURCE -> this.source = coreString(name, SOURCE_BIT, token);
				case CloudEvent.TYPE -> this.type = coreString(name, TYPE_BIT, token);
				case CloudEvent.DATACONTENTTYPE -> this.dataContentType = coreString(name, DATACONTENTTYPE_BIT, token);
				case CloudEvent.SUBJECT -> this.subject = coreString(name, SUBJECT_BIT, token);
				case CloudEvent.TIME -> this.time = coreString(name, TIME_BIT, token);
				case CloudEvent.DATASCHEMA -> this.dataSchema = versioned(name, DATASCHEMA_BIT, token);
				case CloudEvent.SCHEMAURL -> this.schemaUrl = versioned(name, SCHEMAURL_BIT, token);
				case CloudEvent.DATACONTENTENCODING ->
					this.dataContentEncoding = versioned(name, DATACONTENTENCODING_BIT, token);
				case DATA -> readData(token);
				case DATA_BASE64 -> readDataBase64(token);
				default -> readExtension(name, token);
			}
		}
		return build();
	}

	private void reset() {
		this.seen = 0;
		this.specVersion = null;
		this.id = null;
		this.source = null;
		this.type = null;
		this.dataContentType = null;
		this.subject = null;
		this.time = null;
		this.dataSchema = null;
		this.schemaUrl = null;
		this.dataContentEncoding = null;
		Arrays.fill(this.extensionValues, 0, this.extensionCount, null);
		this.extensionCount = 0;
		this.extensionMembers = 0;
		this.dataToken = null;
		this.dataText = null;
		this.dataBase64 = null;
	}

	private void markSeen(String name, int bit) {
		if ((this.seen & bit) != 0) {
			throw duplicate(name);
		}
		this.seen |= bit;
	}

	private static InvalidCloudEventException duplicate(String name) {
		return new InvalidCloudEventException(name, "appears more than once in the JSON object");
	}

	private @Nullable String coreString(String name, int bit, JsonToken token) {
		markSeen(name, bit);
		if (token == JsonToken.VALUE_STRING) {
			return parser().getString();
		}
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		throw new InvalidCloudEventException(name, "must be a JSON string but was " + describe(token));
	}

	/**
	 * Read a member whose meaning depends on the spec version: a core String attribute in
	 * one version, an extension in the other.
	 */
	private @Nullable Object versioned(String name, int bit, JsonToken token) {
		markSeen(name, bit);
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			throw new InvalidCloudEventException(name, "must be a JSON string but was " + describe(token));
		}
		return extensionValue(name, token);
	}

	private void readExtension(String name, JsonToken token) {
		// checked first: the duplicate check below is quadratic in the number of members
		if (++this.extensionMembers > this.limits.maxExtensions()) {
			throw new EventLimitExceededException(Limit.EXTENSIONS, "The event has more than "
					+ this.limits.maxExtensions() + " extension attributes (limit " + Limit.EXTENSIONS.key() + ")",
					null);
		}
		for (int i = 0; i < this.extensionCount; i++) {
			if (this.extensionNames[i].equals(name)) {
				throw duplicate(name);
			}
		}
		Object value = extensionValue(name, token);
		if (value == null) {
			return;
		}
		if (this.extensionCount == this.extensionNames.length) {
			this.extensionNames = Arrays.copyOf(this.extensionNames, this.extensionCount * 2);
			this.extensionValues = Arrays.copyOf(this.extensionValues, this.extensionCount * 2);
		}
		this.extensionNames[this.extensionCount] = name;
		this.extensionValues[this.extensionCount++] = value;
	}

	private @Nullable Object extensionValue(String name, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> parser().getString();
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			case VALUE_NUMBER_INT -> {
				if (parser().getNumberType() != JsonParser.NumberType.INT) {
					throw new InvalidCloudEventException(name,
							"must be an Integer within the 32-bit range but was " + parser().getText());
				}
				yield parser().getIntValue();
			}
			case VALUE_NUMBER_FLOAT -> throw new InvalidCloudEventException(name,
					"must be an Integer without fraction or exponent but was " + parser().getText());
			default -> throw new InvalidCloudEventException(name,
					"must be a JSON string, integer or boolean but was " + describe(token));
		};
	}

	private void readData(JsonToken token) {
		markSeen(DATA, DATA_BIT);
		if (token == JsonToken.VALUE_NULL) {
			return;
		}
		JsonParser parser = parser();
		this.dataToken = token;
		this.dataStart = (int) parser.currentTokenLocation().getByteOffset();
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			parser.skipChildren();
		}
		else if (token == JsonToken.VALUE_STRING) {
			// the text is only needed when the data turns out not to be JSON
			if (isKnownJsonData()) {
				parser.finishToken();
			}
			else {
				this.dataText = parser.getString();
			}
		}
		this.dataEnd = (int) parser.currentLocation().getByteOffset();
	}

	private boolean isKnownJsonData() {
		return "1.0".equals(this.specVersion) && JsonEventFormat.isJsonContentType(this.dataContentType);
	}

	private void readDataBase64(JsonToken token) {
		markSeen(DATA_BASE64, DATA_BASE64_BIT);
		if (token == JsonToken.VALUE_NULL) {
			return;
		}
		if (token != JsonToken.VALUE_STRING) {
			throw new InvalidCloudEventException(DATA_BASE64, "must be a JSON string but was " + describe(token));
		}
		try {
			this.dataBase64 = parser().getBinaryValue(BASE64_VARIANT);
		}
		catch (StreamConstraintsException ex) {
			throw ex;
		}
		catch (JacksonException ex) {
			throw new InvalidCloudEventException(DATA_BASE64, "is not valid Base64: " + ex.getOriginalMessage(), ex);
		}
	}

	private CloudEvent build() {
		SpecVersion version = SpecVersion.of(this.specVersion);
		CloudEvent.Builder builder = strictBuilder().specVersion(version);
		if (this.id != null) {
			builder.id(this.id);
		}
		if (this.source != null) {
			builder.source(this.source);
		}
		if (this.type != null) {
			builder.type(this.type);
		}
		if (this.dataContentType != null) {
			builder.dataContentType(this.dataContentType);
		}
		if (this.subject != null) {
			builder.subject(this.subject);
		}
		if (this.time != null) {
			builder.attribute(CloudEvent.TIME, this.time);
		}
		versioned(builder, version, CloudEvent.DATASCHEMA, this.dataSchema);
		versioned(builder, version, CloudEvent.SCHEMAURL, this.schemaUrl);
		versioned(builder, version, CloudEvent.DATACONTENTENCODING, this.dataContentEncoding);
		for (int i = 0; i < this.extensionCount; i++) {
			builder.extension(this.extensionNames[i], this.extensionValues[i]);
		}
		data(builder, version);
		return builder.build();
	}

	private static void versioned(CloudEvent.Builder builder, SpecVersion version, String name,
			@Nullable Object value) {
		if (value == null) {
			return;
		}
		if (!version.isCoreAttribute(name)) {
			builder.extension(name, value);
		}
		else if (value instanceof String string) {
			builder.attribute(name, string);
		}
		else {
			throw new InvalidCloudEventException(name, "must be a JSON string but was "
					+ ((value instanceof Boolean) ? "a boolean" : "a number") + " in spec version " + version);
		}
	}

	private void data(CloudEvent.Builder builder, SpecVersion version) {
		boolean hasData = this.dataToken != null;
		if (version == SpecVersion.V0_3 && this.dataBase64 != null) {
			throw new InvalidCloudEventException(DATA_BASE64,
					"is not a member of spec version 0.3, which carries binary data in 'data' with "
							+ "\"datacontentencoding\": \"base64\"");
		}
		if (this.dataBase64 != null) {
			// a null 'data' next to 'data_base64' is an unset member, so not a conflict
			if (hasData) {
				throw new InvalidCloudEventException(DATA_BASE64, "must not be present together with 'data'");
			}
			builder.data(this.dataBase64);
			return;
		}
		if (!hasData) {
			return;
		}
		String contentType = this.dataContentType;
		if (version == SpecVersion.V0_3 && this.dataContentEncoding != null) {
			builder.data(base64Data((String) this.dataContentEncoding));
		}
		else if (contentType == null || JsonEventFormat.isJsonContentType(contentType)) {
			jsonData(builder, Arrays.copyOfRange(this.json, this.dataStart, this.dataEnd));
			if (contentType == null) {
				// the spec's implied type, made explicit for bindings
				// that re-encode the event
				builder.dataContentType(APPLICATION_JSON);
			}
		}
		else if (this.dataToken == JsonToken.VALUE_STRING) {
			builder.data(encode(this.dataText, JsonEventFormat.charset(contentType)));
		}
		else {
			throw new InvalidCloudEventException(DATA, "must be a JSON string when 'datacontenttype' ('" + contentType
					+ "') is not a JSON media type, but was " + describe(this.dataToken));
		}
	}

	private byte[] base64Data(String encoding) {
		if (!BASE64.equalsIgnoreCase(encoding)) {
			throw new InvalidCloudEventException(CloudEvent.DATACONTENTENCODING,
					"must be 'base64' (the only encoding CloudEvents defines) but was '" + encoding + "'");
		}
		if (this.dataToken != JsonToken.VALUE_STRING) {
			throw new InvalidCloudEventException(DATA,
					"must be a Base64 JSON string when 'datacontentencoding' is base64, but was "
							+ describe(this.dataToken));
		}
		try {
			return Base64.getDecoder().decode(this.dataText);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCloudEventException(DATA, "is not valid Base64: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Encode text data in its charset, rejecting what the charset cannot hold (an escaped
	 * unpaired surrogate, say) rather than replacing it, as {@link String#getBytes}
	 * would.
	 */
	private static byte[] encode(String text, Charset charset) {
		if (charset.equals(StandardCharsets.UTF_8) && !hasSurrogate(text)) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		try {
			ByteBuffer bytes = charset.newEncoder().encode(CharBuffer.wrap(text));
			return Arrays.copyOf(bytes.array(), bytes.limit());
		}
		catch (CharacterCodingException ex) {
			String what = (ex instanceof MalformedInputException) ? "an unpaired surrogate"
					: "a character that " + charset.name() + " does not have";
			throw new InvalidCloudEventException(DATA,
					"must be text that " + charset.name() + " can encode, but holds " + what, ex);
		}
	}

	private static boolean hasSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isSurrogate(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return the exception for a parser failure: a read limit, or malformed JSON.
	 */
	static InvalidCloudEventException failure(JacksonException ex, EventLimits limits) {
		return (ex instanceof StreamConstraintsException constraint) ? limitExceeded(constraint, limits)
				: malformed(ex);
	}

	/**
	 * Name the limit from Jackson's message, which is all that tells the constraints
	 * apart.
	 */
	private static InvalidCloudEventException limitExceeded(StreamConstraintsException ex, EventLimits limits) {
		String message = String.valueOf(ex.getOriginalMessage());
		if (message.startsWith("Document nesting depth")) {
			return exceeded(Limit.NESTING_DEPTH,
					"The JSON is nested deeper than " + limits.maxNestingDepth() + " levels", ex);
		}
		if (message.startsWith("String value length")) {
			return exceeded(Limit.STRING_LENGTH,
					"A JSON string is longer than " + limits.maxStringLength() + " characters", ex);
		}
		if (message.startsWith("Number value length")) {
			return exceeded(Limit.NUMBER_LENGTH,
					"A JSON number is longer than " + limits.maxNumberLength() + " characters", ex);
		}
		// a constraint of the application's JsonMapper that EventLimits does not set
		return new InvalidCloudEventException("The JSON exceeds a read constraint: " + message, ex);
	}

	private static EventLimitExceededException exceeded(Limit limit, String message, Throwable cause) {
		return new EventLimitExceededException(limit, message + " (limit " + limit.key() + ")", cause);
	}

	private static InvalidCloudEventException malformed(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String where = (location != null) ? " at line " + location.getLineNr() + ", column " + location.getColumnNr()
				: "";
		return new InvalidCloudEventException("Malformed JSON" + where + ": " + ex.getOriginalMessage(), ex);
	}

	static InvalidCloudEventException inBatch(InvalidCloudEventException ex, int index) {
		String suffix = " (in the event at index " + index + " of the batch)";
		String attribute = ex.getAttribute();
		String prefix = "Attribute '" + attribute + "' ";
		String message = ex.getMessage();
		if (ex instanceof EventLimitExceededException exceeded) {
			return new EventLimitExceededException(exceeded.getLimit(), message + suffix, ex);
		}
		if (attribute != null && message.startsWith(prefix)) {
			return new InvalidCloudEventException(attribute, message.substring(prefix.length()) + suffix, ex);
		}
		return new InvalidCloudEventException(message + suffix, ex);
	}

	private static String describe(@Nullable JsonToken token) {
		if (token == null) {
			return "empty";
		}
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

}
