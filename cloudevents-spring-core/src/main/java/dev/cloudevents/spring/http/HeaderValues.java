package dev.cloudevents.spring.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventFormatSupport;
import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * Header values of binary mode, as section 3.1.3.2 of the HTTP binding says: encoding
 * percent-encodes space, {@code "}, {@code %} and everything outside U+0021..U+007E as
 * UTF-8 with upper-case hex; decoding unescapes a double-quoted string, then
 * percent-decodes once, rejecting invalid UTF-8.
 * <p>
 * It extends {@link EventFormatSupport} only to ask an event whether its values need
 * encoding at all.
 */
final class HeaderValues extends EventFormatSupport {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private HeaderValues() {
	}

	/**
	 * Return whether some value of the event may need encoding. When not, which the
	 * builder found out checking the values, they can be written as they are: most values
	 * are ASCII tokens, and scanning them again was half the cost of a binary-mode
	 * encode.
	 */
	static boolean mayNeedEncoding(CloudEvent event) {
		return mayNeedPercentEncoding(event);
	}

	static String encode(String value) {
		int length = value.length();
		int i = 0;
		while (i < length && isUnreserved(value.charAt(i))) {
			i++;
		}
		if (i == length) {
			return value;
		}
		StringBuilder encoded = new StringBuilder(length + 16).append(value, 0, i);
		byte[] utf8 = value.substring(i).getBytes(StandardCharsets.UTF_8);
		for (byte b : utf8) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && isUnreserved(c)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isUnreserved(char c) {
		return c > 0x20 && c < 0x7F && c != '"' && c != '%';
	}

	static String decode(String attribute, String value) {
		// one pass for the common value, which holds none of the three
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"' || c == '%' || c >= 0x80) {
				String unquoted = (value.indexOf('"', i) >= 0) ? unquote(attribute, value) : value;
				return needsPercentDecoding(unquoted) ? percentDecode(attribute, unquoted) : unquoted;
			}
		}
		return value;
	}

	private static boolean needsPercentDecoding(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%' || c >= 0x80) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Unescape RFC 7230 quoted strings: quotes removed, a backslash takes the next
	 * character literally. Older senders used them instead of percent-encoding.
	 */
	private static String unquote(String attribute, String value) {
		StringBuilder result = new StringBuilder(value.length());
		boolean quoted = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (quoted && c == '\\') {
				if (++i == value.length()) {
					break;
				}
				result.append(value.charAt(i));
			}
			else {
				result.append(c);
			}
		}
		if (quoted) {
			throw new InvalidCloudEventException(attribute,
					"header value has an unterminated quoted string: " + abbreviate(value));
		}
		return result.toString();
	}

	private static String percentDecode(String attribute, String value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '%') {
				int high = (i + 2 < value.length()) ? Character.digit(value.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(value.charAt(i + 2), 16) : -1;
				if (low < 0) {
					throw new InvalidCloudEventException(attribute,
							"header value has a '%' not followed by two hex digits: " + abbreviate(value));
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else if (c <= 0xFF) {
				// servers hand raw header bytes over as ISO-8859-1 chars:
				// take the byte back
				bytes.write(c);
			}
			else {
				int codePoint = value.codePointAt(i);
				bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint) - 1;
			}
		}
		try {
			CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return chars.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidCloudEventException(attribute,
					"header value is not valid UTF-8 after percent-decoding: " + abbreviate(value), ex);
		}
	}

	private static String abbreviate(String value) {
		return (value.length() <= 64) ? "'" + value + "'" : "'" + value.substring(0, 61) + "...'";
	}

}
