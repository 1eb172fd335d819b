package dev.cloudevents.spring.json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * JSON text held as UTF-8 bytes, so that a generator copies it into its buffer as a raw
 * value without decoding it to a {@link String}. Only the unquoted forms are on the hot
 * path; the quoted ones go through a {@link SerializedString}.
 */
final class RawJsonValue implements SerializableString {

	private final byte[] utf8;

	RawJsonValue(byte[] utf8) {
		this.utf8 = utf8;
	}

	@Override
	public String getValue() {
		return new String(this.utf8, StandardCharsets.UTF_8);
	}

	@Override
	public int charLength() {
		return getValue().length();
	}

	@Override
	public byte[] asUnquotedUTF8() {
		return this.utf8;
	}

	@Override
	public int appendUnquotedUTF8(byte[] buffer, int offset) {
		int length = this.utf8.length;
		if (offset + length > buffer.length) {
			return -1;
		}
		System.arraycopy(this.utf8, 0, buffer, offset, length);
		return length;
	}

	@Override
	public int writeUnquotedUTF8(OutputStream out) throws IOException {
		out.write(this.utf8);
		return this.utf8.length;
	}

	@Override
	public int putUnquotedUTF8(ByteBuffer buffer) {
		if (this.utf8.length > buffer.remaining()) {
			return -1;
		}
		buffer.put(this.utf8);
		return this.utf8.length;
	}

	@Override
	public int appendUnquoted(char[] buffer, int offset) {
		String value = getValue();
		if (offset + value.length() > buffer.length) {
			return -1;
		}
		value.getChars(0, value.length(), buffer, offset);
		return value.length();
	}

	@Override
	public char[] asQuotedChars() {
		return quoted().asQuotedChars();
	}

	@Override
	public byte[] asQuotedUTF8() {
		return quoted().asQuotedUTF8();
	}

	@Override
	public int appendQuotedUTF8(byte[] buffer, int offset) {
		return quoted().appendQuotedUTF8(buffer, offset);
	}

	@Override
	public int appendQuoted(char[] buffer, int offset) {
		return quoted().appendQuoted(buffer, offset);
	}

	@Override
	public int writeQuotedUTF8(OutputStream out) throws IOException {
		return quoted().writeQuotedUTF8(out);
	}

	@Override
	public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
		return quoted().putQuotedUTF8(buffer);
	}

	private SerializedString quoted() {
		return new SerializedString(getValue());
	}

	@Override
	public String toString() {
		return getValue();
	}

}
