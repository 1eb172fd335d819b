package dev.cloudevents.spring;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

/**
 * The CloudEvents type system: validation of attribute values and their canonical string
 * encodings.
 */
final class Values {

	// ASCII letters, digits and the marks that java.net.URI takes in every component
	private static final boolean[] PLAIN_URI = new boolean[128];

	// the token characters of RFC 2045 but '*', which Spring's MimeType takes only in
	// '*/*' and as a whole subtype
	private static final boolean[] MEDIA_TYPE_TOKEN = new boolean[128];

	static {
		for (char c = '!'; c < 127; c++) {
			MEDIA_TYPE_TOKEN[c] = "()<>@,;:\\\"/[]?={}*".indexOf(c) < 0;
		}
		for (char c = '0'; c <= '9'; c++) {
			PLAIN_URI[c] = true;
		}
		for (char c = 'a'; c <= 'z'; c++) {
			PLAIN_URI[c] = true;
			PLAIN_URI[c - 'a' + 'A'] = true;
		}
		for (char c : "-._~!$&'()*+,;=:@/?".toCharArray()) {
			PLAIN_URI[c] = true;
		}
	}

	private Values() {
	}

	/**
	 * Reject a missing or empty value, then check it as {@link #checkString} does.
	 * @return whether the value is a header token
	 */
	static boolean requireString(String attribute, @Nullable String value) {
		if (value == null) {
			throw new InvalidCloudEventException(attribute, "is required");
		}
		if (value.isEmpty()) {
			throw new InvalidCloudEventException(attribute, "must not be empty");
		}
		return checkString(attribute, value);
	}

	/**
	 * Reject what the spec's {@code String} type disallows: control characters,
	 * noncharacters and unpaired surrogates. That also keeps CR and LF out of headers.
	 * @return whether the value is a header token: printable ASCII but space, {@code "}
	 * and {@code %}, what the HTTP binding writes without percent-encoding. The same pass
	 * tells, so that encoding an event need not look at its values again.
	 */
	static boolean checkString(String attribute, String value) {
		boolean token = true;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0x20 && c < 0x7F) {
				if (c == '"' || c == '%') {
					token = false;
				}
				continue;
			}
			token = false;
			if (c == 0x20) {
				continue;
			}
			if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
				throw new InvalidCloudEventException(attribute,
						"must not contain the control character U+" + hex(c) + " (at index " + i + ")");
			}
			int codePoint = c;
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				codePoint = Character.toCodePoint(c, value.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidCloudEventException(attribute,
						"must not contain the unpaired surrogate U+" + hex(c) + " (at index " + i + ")");
			}
			if ((codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE) {
				throw new InvalidCloudEventException(attribute,
						"must not contain the noncharacter U+" + hex(codePoint) + " (at index " + i + ")");
			}
		}
		return token;
	}

	private static String hex(int codePoint) {
		String hex = Integer.toHexString(codePoint).toUpperCase();
		return "0".repeat(Math.max(0, 4 - hex.length())) + hex;
	}

	static URI uriReference(String attribute, String value) {
		requireString(attribute, value);
		try {
			return new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidCloudEventException(attribute,
					"must be a URI-reference but was '" + value + "': " + ex.getReason(), ex);
		}
	}

	/**
	 * Whether {@code new URI(value)} certainly succeeds, decided in one pass that builds
	 * nothing: the value is printable ASCII of the kind every component takes, with
	 * percent-escapes and at most one {@code #}; a scheme, if any, is well-formed and has
	 * a scheme-specific part; an empty authority has something after it. Anything else, a
	 * non-ASCII character or an IPv6 literal say, is for {@link #uriReference} to judge.
	 */
	static boolean plainUriReference(String value) {
		int length = value.length();
		// the first ':', '/', '?' or '#': a ':' there ends a scheme
		int delimiter = -1;
		int fragment = length;
		for (int i = 0; i < length; i++) {
			char c = value.charAt(i);
			if (c < 128 && PLAIN_URI[c]) {
				if (delimiter < 0 && (c == ':' || c == '/' || c == '?')) {
					delimiter = i;
				}
			}
			else if (c == '%') {
				if (i + 2 >= length || !isHexDigit(value.charAt(i + 1)) || !isHexDigit(value.charAt(i + 2))) {
					return false;
				}
				i += 2;
			}
			else if (c == '#' && fragment == length) {
				fragment = i;
				if (delimiter < 0) {
					delimiter = i;
				}
			}
			else {
				return false;
			}
		}
		int start = 0;
		if (delimiter >= 0 && value.charAt(delimiter) == ':') {
			if (delimiter == 0 || !isLetter(value.charAt(0))) {
				return false;
			}
			for (int i = 1; i < delimiter; i++) {
				char c = value.charAt(i);
				if (!isLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
					return false;
				}
			}
			start = delimiter + 1;
			if (start == fragment) {
				// no scheme-specific part
				return false;
			}
		}
		if (value.startsWith("//", start)) {
			int authority = start + 2;
			int end = authority;
			while (end < length && !isAuthorityEnd(value.charAt(end))) {
				end++;
			}
			// java.net.URI takes an empty authority only before something else
			return end > authority || end < length;
		}
		return length > 0;
	}

	private static boolean isAuthorityEnd(char c) {
		return c == '/' || c == '?' || c == '#';
	}

	private static boolean isHexDigit(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/**
	 * Check a URI as {@link #requireString} checks its string form.
	 * @return whether its string form is a header token
	 */
	static boolean checkUriReference(String attribute, URI value) {
		return requireString(attribute, value.toString());
	}

	static URI absoluteUri(String attribute, String value) {
		return checkAbsoluteUri(attribute, uriReference(attribute, value));
	}

	static URI checkAbsoluteUri(String attribute, URI value) {
		if (!value.isAbsolute()) {
			throw new InvalidCloudEventException(attribute, "must be an absolute URI but was '" + value + "'");
		}
		return value;
	}

	static String mediaType(String attribute, String value) {
		if (plainMediaType(value)) {
			return value;
		}
		requireString(attribute, value);
		// it travels as the Content-Type header: a character beyond ASCII would reach the
		// wire mangled (a client that keeps the low byte turns U+010A into LF)
		for (int i = 0; i < value.length(); i++) {
			if (value.charAt(i) > 0x7E) {
				throw new InvalidCloudEventException(attribute,
						"must be a media type (RFC 2046) of ASCII characters but was '" + value + "'");
			}
		}
		try {
			MimeTypeUtils.parseMimeType(value);
		}
		// Spring's parser fails with StringIndexOutOfBoundsException on some values
		// that start with a quote, such as '"a/b'
		catch (InvalidMimeTypeException | IndexOutOfBoundsException ex) {
			throw new InvalidCloudEventException(attribute,
					"must be a media type (RFC 2046) but was '" + value + "': " + ex.getMessage(), ex);
		}
		return value;
	}

	/**
	 * Whether the value is a type and a subtype of token characters (RFC 2045) but
	 * {@code *}, with no parameters: a media type that Spring's parser certainly accepts,
	 * recognized without it (its cache of parsed types costs more than this one pass).
	 */
	static boolean plainMediaType(String value) {
		int slash = -1;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '/' && slash < 0 && i > 0) {
				slash = i;
			}
			else if (c >= 128 || !MEDIA_TYPE_TOKEN[c]) {
				return false;
			}
		}
		return slash > 0 && slash < value.length() - 1;
	}

	/**
	 * Normalize an extension value to one of the spec's types: String, Integer, Boolean,
	 * URI, OffsetDateTime or byte[]. A String or URI is returned as it is, for the caller
	 * to {@linkplain #checkString check}.
	 */
	static Object extensionValue(String name, Object value) {
		if (value instanceof String || value instanceof URI || value instanceof Integer || value instanceof Boolean
				|| value instanceof OffsetDateTime || value instanceof byte[]) {
			return value;
		}
		if (value instanceof Long || value instanceof Short || value instanceof Byte) {
			long number = ((Number) value).longValue();
			if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
				throw new InvalidCloudEventException(name,
						"must be an Integer within the 32-bit range but was " + value);
			}
			return (int) number;
		}
		throw new InvalidCloudEventException(name,
				"must be a String, Integer, Boolean, URI, Timestamp or Binary, not " + value.getClass().getName());
	}

	static String canonicalString(Object value) {
		if (value instanceof OffsetDateTime time) {
			return Timestamps.format(time);
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		return value.toString();
	}

}
