package dev.cloudevents.spring.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;

/**
 * Writes an event whose data is JSON bytes, or that has none, straight into an array of
 * its exact size: one pass measures, one writes, and the data is copied once. Strings are
 * escaped as Jackson's generator escapes them by default (a quote and a backslash,
 * nothing else: attribute values hold no control characters), which
 * {@link JsonEventFormat} checks against its mapper's generator before it uses this
 * writer.
 */
final class DirectEventWriter {

	private static final byte[] SPECVERSION = name("{", CloudEvent.SPECVERSION);

	private static final byte[] ID = name(",", CloudEvent.ID);

	private static final byte[] SOURCE = name(",", CloudEvent.SOURCE);

	private static final byte[] TYPE = name(",", CloudEvent.TYPE);

	private static final byte[] DATACONTENTTYPE = name(",", CloudEvent.DATACONTENTTYPE);

	private static final byte[] DATASCHEMA = name(",", CloudEvent.DATASCHEMA);

	private static final byte[] SCHEMAURL = name(",", CloudEvent.SCHEMAURL);

	private static final byte[] DATACONTENTENCODING = name(",", CloudEvent.DATACONTENTENCODING);

	private static final byte[] SUBJECT = name(",", CloudEvent.SUBJECT);

	private static final byte[] TIME = name(",", CloudEvent.TIME);

	private static final byte[] DATA = name(",", JsonEventReader.DATA);

	private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

	/**
	 * Where the output goes: nowhere when measuring, so that both passes are one code.
	 */
	private final byte @Nullable [] bytes;

	private int position;

	// false once a string needs an escape that only the generator writes
	private boolean plain = true;

	// bit i set: the i-th string is printable ASCII without a quote or backslash, which
	// the measuring pass finds so that the writing pass copies it whole
	private long asciiStrings;

	private int strings;

	private DirectEventWriter(byte @Nullable [] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Write the event with the given JSON data, if any.
	 * @param event the event
	 * @param jsonData its data, one JSON value, or {@code null}
	 * @param encoding the {@code datacontentencoding} to write, or {@code null}
	 * @return the bytes, or {@code null} if a string needs an escape other than for a
	 * quote or backslash, which is for the generator to write
	 */
	static byte @Nullable [] write(CloudEvent event, byte @Nullable [] jsonData, @Nullable String encoding) {
		// formatted once for both passes
		String time = event.attributeAsString(CloudEvent.TIME);
		DirectEventWriter measure = new DirectEventWriter(null);
		measure.event(event, time, jsonData, encoding);
		if (!measure.plain) {
			return null;
		}
		DirectEventWriter writer = new DirectEventWriter(new byte[measure.position]);
		writer.asciiStrings = measure.asciiStrings;
		writer.event(event, time, jsonData, encoding);
		return writer.bytes;
	}

	private void event(CloudEvent event, @Nullable String time, byte @Nullable [] jsonData, @Nullable String encoding) {
		SpecVersion version = event.specVersion();
		string(SPECVERSION, version.value());
		string(ID, event.id());
		string(SOURCE, event.attributeAsString(CloudEvent.SOURCE));
		string(TYPE, event.type());
		string(DATACONTENTTYPE, event.dataContentType());
		URI dataSchema = event.dataSchema();
		if (dataSchema != null) {
			string((version == SpecVersion.V1_0) ? DATASCHEMA : SCHEMAURL, dataSchema.toString());
		}
		string(DATACONTENTENCODING, encoding);
		string(SUBJECT, event.subject());
		string(TIME, time);
		event.extensions().forEach((name, value) -> extension(event, name, value));
		if (jsonData != null) {
			raw(DATA);
			raw(jsonData);
		}
		put((byte) '}');
	}

	private void extension(CloudEvent event, String name, Object value) {
		extensionName(name);
		if (value instanceof Integer integer) {
			raw(integer.toString().getBytes(StandardCharsets.US_ASCII));
		}
		else if (value instanceof Boolean bool) {
			raw(bool ? TRUE : FALSE);
		}
		else {
			string((value instanceof String string) ? string : Objects.requireNonNull(event.attributeAsString(name)));
		}
	}

	private static byte[] name(String separator, String name) {
		return (separator + "\"" + name + "\":").getBytes(StandardCharsets.UTF_8);
	}

	/** An extension name is lower-case ASCII letters and digits, which need no escape. */
	private void extensionName(String name) {
		put((byte) ',');
		put((byte) '"');
		for (int i = 0; i < name.length(); i++) {
			put((byte) name.charAt(i));
		}
		put((byte) '"');
		put((byte) ':');
	}

	private static boolean isAscii(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	private void raw(byte[] raw) {
		if (this.bytes != null) {
			System.arraycopy(raw, 0, this.bytes, this.position, raw.length);
		}
		this.position += raw.length;
	}

	private void put(byte b) {
		if (this.bytes != null) {
			this.bytes[this.position] = b;
		}
		this.position++;
	}

	/**
	 * Write a member whose value is a JSON string, if it has a value.
	 */
	private void string(byte[] name, @Nullable String value) {
		if (value != null) {
			raw(name);
			string(value);
		}
	}

	/**
	 * Write a JSON string, or find that it holds a character that Jackson writes as an
	 * escape sequence: a control character or an unpaired surrogate.
	 */
	@SuppressWarnings("deprecation") // getBytes(int, int, byte[], int): one copy of ASCII
	private void string(String value) {
		int length = value.length();
		int index = this.strings++;
		long bit = (index < Long.SIZE) ? 1L << index : 0;
		if (this.bytes == null) {
			if (isAscii(value)) {
				this.asciiStrings |= bit;
				this.position += length + 2;
				return;
			}
		}
		else if ((this.asciiStrings & bit) != 0) {
			this.bytes[this.position] = '"';
			value.getBytes(0, length, this.bytes, this.position + 1);
			this.position += length + 1;
			this.bytes[this.position++] = '"';
			return;
		}
		put((byte) '"');
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				if (c < 0x20) {
					this.plain = false;
					return;
				}
				if (c == '"' || c == '\\') {
					put((byte) '\\');
				}
				put((byte) c);
			}
			else if (c < 0x800) {
				put((byte) (0xC0 | (c >> 6)));
				put((byte) (0x80 | (c & 0x3F)));
			}
			else if (!Character.isSurrogate(c)) {
				put((byte) (0xE0 | (c >> 12)));
				put((byte) (0x80 | ((c >> 6) & 0x3F)));
				put((byte) (0x80 | (c & 0x3F)));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, value.charAt(++i));
				put((byte) (0xF0 | (codePoint >> 18)));
				put((byte) (0x80 | ((codePoint >> 12) & 0x3F)));
				put((byte) (0x80 | ((codePoint >> 6) & 0x3F)));
				put((byte) (0x80 | (codePoint & 0x3F)));
			}
			else {
				this.plain = false;
				return;
			}
		}
		put((byte) '"');
	}

}
