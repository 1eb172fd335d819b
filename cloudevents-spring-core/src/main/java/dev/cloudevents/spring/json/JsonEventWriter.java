package dev.cloudevents.spring.json;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventFormatSupport;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;

/**
 * Writes events with a generator of the application's {@link JsonMapper}: data given as
 * an object through {@link JsonGenerator#writePOJO(Object)}, JSON data bytes copied as a
 * raw value, text as a JSON string, anything else in Base64.
 */
final class JsonEventWriter extends EventFormatSupport {

	private static final SerializableString SPECVERSION = new SerializedString(CloudEvent.SPECVERSION);

	private static final SerializableString ID = new SerializedString(CloudEvent.ID);

	private static final SerializableString SOURCE = new SerializedString(CloudEvent.SOURCE);

	private static final SerializableString TYPE = new SerializedString(CloudEvent.TYPE);

	private static final SerializableString DATACONTENTTYPE = new SerializedString(CloudEvent.DATACONTENTTYPE);

	private static final SerializableString DATASCHEMA = new SerializedString(CloudEvent.DATASCHEMA);

	private static final SerializableString SCHEMAURL = new SerializedString(CloudEvent.SCHEMAURL);

	private static final SerializableString DATACONTENTENCODING = new SerializedString(CloudEvent.DATACONTENTENCODING);

	private static final SerializableString SUBJECT = new SerializedString(CloudEvent.SUBJECT);

	private static final SerializableString TIME = new SerializedString(CloudEvent.TIME);

	private static final SerializableString DATA = new SerializedString(JsonEventReader.DATA);

	private static final SerializableString DATA_BASE64 = new SerializedString(JsonEventReader.DATA_BASE64);

	private static final SerializableString EMPTY = new RawJsonValue(new byte[0]);

	private final JsonMapper jsonMapper;

	/** Data nested deeper than the mapper would read is not copied as JSON. */
	private final int maxDepth;

	JsonEventWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
		this.maxDepth = jsonMapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
	}

	void writeBatch(JsonGenerator generator, List<CloudEvent> events) {
		checkOneVersion(events);
		generator.writeStartArray();
		for (CloudEvent event : events) {
			write(generator, event, null);
		}
		generator.writeEndArray();
	}

	private static void checkOneVersion(List<CloudEvent> events) {
		for (int i = 1; i < events.size(); i++) {
			SpecVersion first = events.get(0).specVersion();
			if (events.get(i).specVersion() != first) {
				throw new InvalidCloudEventException("A batch must not mix spec versions: the event at index " + i
						+ " is " + events.get(i).specVersion() + " but the first one is " + first);
			}
		}
	}

	/**
	 * Decide how the event's data goes into the document, checking data bytes that claim
	 * to be JSON or text.
	 */
	Data data(CloudEvent event) {
		Object value = dataValue(event);
		String contentType = event.dataContentType();
		String encoding = event.dataContentEncoding();
		if (value != null && encoding == null
				&& (contentType == null || JsonEventFormat.isJsonContentType(contentType))) {
			return new Data(DataMode.OBJECT, null, null);
		}
		byte[] bytes = (value != null) ? this.jsonMapper.writeValueAsBytes(value) : event.data();
		DataMode mode = (encoding == null && isJsonValueData(event) && event.isJsonData()) ? DataMode.JSON
				: dataMode(bytes, contentType, encoding);
		if (mode == DataMode.BASE64 && event.specVersion() == SpecVersion.V0_3) {
			encoding = JsonEventReader.BASE64;
		}
		return new Data(mode, bytes, encoding);
	}

	/**
	 * Write one event without a generator when its data allows: JSON bytes or none.
	 * @return the document, or {@code null} if it is for the generator to write
	 */
	byte @Nullable [] writeDirect(CloudEvent event, Data data) {
		return switch (data.mode()) {
			case JSON -> DirectEventWriter.write(event, data.bytes(), data.encoding());
			case NONE -> DirectEventWriter.write(event, null, data.encoding());
			default -> null;
		};
	}

	void write(JsonGenerator generator, CloudEvent event, @Nullable SplicingOutput output) {
		write(generator, event, data(event), output);
	}

	/**
	 * Write one event; JSON data bytes go to the output's gap when there is one.
	 */
	void write(JsonGenerator generator, CloudEvent event, Data data, @Nullable SplicingOutput output) {
		SpecVersion version = event.specVersion();
		Object value = dataValue(event);
		String contentType = event.dataContentType();
		String encoding = data.encoding();
		byte[] bytes = data.bytes();
		DataMode mode = data.mode();

		generator.writeStartObject();
		writeString(generator, SPECVERSION, version.value());
		writeString(generator, ID, event.id());
		writeString(generator, SOURCE, Objects.requireNonNull(event.attributeAsString(CloudEvent.SOURCE)));
		writeString(generator, TYPE, event.type());
		if (contentType != null) {
			writeString(generator, DATACONTENTTYPE, contentType);
		}
		if (event.dataSchema() != null) {
			writeString(generator, (version == SpecVersion.V1_0) ? DATASCHEMA : SCHEMAURL,
					event.dataSchema().toString());
		}
		if (encoding != null) {
			writeString(generator, DATACONTENTENCODING, encoding);
		}
		if (event.subject() != null) {
			writeString(generator, SUBJECT, event.subject());
		}
		// as text: a time read from JSON or a header stays unparsed
		String time = event.attributeAsString(CloudEvent.TIME);
		if (time != null) {
			writeString(generator, TIME, time);
		}
		for (Map.Entry<String, Object> extension : event.extensions().entrySet()) {
			generator.writeName(extension.getKey());
			Object extensionValue = extension.getValue();
			if (extensionValue instanceof Integer integer) {
				generator.writeNumber(integer);
			}
			else if (extensionValue instanceof Boolean bool) {
				generator.writeBoolean(bool);
			}
			else if (extensionValue instanceof String string) {
				generator.writeString(string);
			}
			else {
				generator.writeString(event.attributeAsString(extension.getKey()));
			}
		}
		switch (mode) {
			case OBJECT -> {
				generator.writeName(DATA);
				generator.writePOJO(value);
			}
			case JSON -> {
				generator.writeName(DATA);
				if (output != null) {
					generator.writeRawValue(EMPTY);
					generator.flush();
					output.splice(bytes);
				}
				else {
					generator.writeRawValue(new RawJsonValue(bytes));
				}
			}
			case UTF8_TEXT -> {
				generator.writeName(DATA);
				generator.writeUTF8String(bytes, 0, bytes.length);
			}
			case TEXT -> {
				generator.writeName(DATA);
				generator.writeString(new String(bytes, JsonEventFormat.charset(contentType)));
			}
			case BASE64 -> {
				generator.writeName((version == SpecVersion.V1_0) ? DATA_BASE64 : DATA);
				generator.writeBinary(bytes);
			}
			case NONE -> {
			}
		}
		generator.writeEndObject();
	}

	private static void writeString(JsonGenerator generator, SerializableString name, String value) {
		generator.writeName(name);
		generator.writeString(value);
	}

	private DataMode dataMode(byte @Nullable [] bytes, @Nullable String contentType, @Nullable String encoding) {
		if (bytes == null) {
			return DataMode.NONE;
		}
		if (encoding != null) {
			if (!JsonEventReader.BASE64.equalsIgnoreCase(encoding)) {
				throw new InvalidCloudEventException(CloudEvent.DATACONTENTENCODING,
						"must be 'base64' (the only encoding CloudEvents defines) but was '" + encoding + "'");
			}
			return DataMode.BASE64;
		}
		if (contentType == null) {
			// no type, no assumption: the spec wants data_base64 and no datacontenttype
			return DataMode.BASE64;
		}
		if (JsonEventFormat.isJsonContentType(contentType)) {
			// Bytes that claim to be JSON but are not (a binary-mode body with a wrong
			// Content-Type, say) would corrupt the document if written raw. They go in
			// Base64 instead, which keeps them and their datacontenttype exactly.
			return JsonValidator.isJsonValue(bytes, this.maxDepth) ? DataMode.JSON : DataMode.BASE64;
		}
		MimeType mimeType = MimeTypeUtils.parseMimeType(contentType);
		if (!isText(mimeType)) {
			return DataMode.BASE64;
		}
		Charset charset = mimeType.getCharset();
		if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
			return Utf8.isValid(bytes) ? DataMode.UTF8_TEXT : DataMode.BASE64;
		}
		return isLosslessText(bytes, charset) ? DataMode.TEXT : DataMode.BASE64;
	}

	private static boolean isText(MimeType mimeType) {
		String type = mimeType.getType();
		String subtype = mimeType.getSubtype();
		return type.equals("text") || subtype.equals("xml") || subtype.endsWith("+xml")
				|| (type.equals("application") && subtype.equals("javascript")) || mimeType.getCharset() != null;
	}

	/**
	 * Whether the bytes decode in the charset and encode back to the same bytes, so that
	 * a reader, which encodes the string in that charset, gets them back.
	 */
	private static boolean isLosslessText(byte[] bytes, Charset charset) {
		try {
			String text = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return Arrays.equals(text.getBytes(charset), bytes);
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	enum DataMode {

		NONE, OBJECT, JSON, UTF8_TEXT, TEXT, BASE64

	}

	/**
	 * How an event's data goes into the document: its mode, its bytes unless it is an
	 * object, and the {@code datacontentencoding} to write.
	 */
	record Data(DataMode mode, byte @Nullable [] bytes, @Nullable String encoding) {
	}

}
