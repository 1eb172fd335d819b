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

	// Sources repeat from event to event, and java.net.URI parses slowly: a small
	// direct-mapped cache of valid URI-references. Entries are immutable, so a race only
	// loses an entry.
	private static final int URI_CACHE_SIZE = 64;

	private static final int MAX_CACHED_URI_LENGTH = 256;

	private static final @Nullable ParsedUri[] URI_CACHE = new ParsedUri[URI_CACHE_SIZE];

	private Values() {
	}

	static String requireString(String attribute, @Nullable String value) {
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
	 */
	static String checkString(String attribute, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7F) {
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
		return value;
	}

	private static String hex(int codePoint) {
		String hex = Integer.toHexString(codePoint).toUpperCase();
		return "0".repeat(Math.max(0, 4 - hex.length())) + hex;
	}

	static URI uriReference(String attribute, String value) {
		int slot = value.hashCode() & (URI_CACHE_SIZE - 1);
		ParsedUri cached = URI_CACHE[slot];
		if (cached != null && cached.text().equals(value)) {
			return cached.uri();
		}
		requireString(attribute, value);
		try {
			URI uri = new URI(value);
			if (value.length() <= MAX_CACHED_URI_LENGTH) {
				URI_CACHE[slot] = new ParsedUri(value, uri);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidCloudEventException(attribute,
					"must be a URI-reference but was '" + value + "': " + ex.getReason(), ex);
		}
	}

	static URI checkUriReference(String attribute, URI value) {
		requireString(attribute, value.toString());
		return value;
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
	 * Normalize an extension value to one of the spec's types: String, Integer, Boolean,
	 * URI, OffsetDateTime or byte[].
	 */
	static Object extensionValue(String name, Object value) {
		if (value instanceof String string) {
			return checkString(name, string);
		}
		if (value instanceof Integer || value instanceof Boolean || value instanceof OffsetDateTime
				|| value instanceof byte[]) {
			return value;
		}
		if (value instanceof URI uri) {
			checkString(name, uri.toString());
			return uri;
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

	private record ParsedUri(String text, URI uri) {
	}

}
