package dev.cloudevents.spring.json;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Checks that bytes are exactly one JSON value (RFC 8259, nothing more) in UTF-8 (RFC
 * 3629), so that they can be copied into a document as they are. One pass that builds
 * nothing: no tokens, no strings, no numbers; containers are tracked in a bit stack that
 * allocates only past 64 levels.
 */
final class JsonValidator {

	/**
	 * The bytes that stand for themselves in a string: printable ASCII but the quote and
	 * backslash.
	 */
	private static final boolean[] PLAIN = new boolean[256];

	static {
		for (int c = 0x20; c < 0x80; c++) {
			PLAIN[c] = c != '"' && c != '\\';
		}
	}

	private static final long ONES = 0x0101010101010101L;

	private static final long CONTROLS = 0x20 * ONES;

	private static final long QUOTES = '"' * ONES;

	private static final long BACKSLASHES = '\\' * ONES;

	private JsonValidator() {
	}

	/**
	 * Whether the bytes are one JSON value, with whitespace around it, nested at most
	 * {@code maxDepth} levels deep. A loop of its own rather than {@link #valueEnd}'s:
	 * with that one's limits and end position, encoding was 6% slower; keeping the
	 * innermost container's kind at hand, looking for whitespace only where the next byte
	 * is not printable and skipping strings eight bytes at a time made the Kafka
	 * structured-mode serializer 10% faster on the benchmarks' 256 KiB order (JMH, two
	 * forks each).
	 * @param json the bytes
	 * @param maxDepth the deepest nesting allowed
	 * @return whether the bytes are one JSON value
	 */
	static boolean isJsonValue(byte[] json, int maxDepth) {
		int length = json.length;
		int depth = 0;
		// one bit per level, set for an object: the first 64 levels, then the rest
		long objects = 0;
		long[] deepObjects = null;
		// the innermost container's bit
		boolean inObject = false;
		int i = skipWhitespace(json, 0);
		while (true) {
			// a value starts at i
			if (i >= length) {
				return false;
			}
			byte c = json[i];
			if (c == '"') {
				i = string(json, i);
			}
			else if (c == '{' || c == '[') {
				if (depth == maxDepth) {
					return false;
				}
				inObject = c == '{';
				if (depth < 64) {
					objects = inObject ? (objects | (1L << depth)) : (objects & ~(1L << depth));
				}
				else {
					deepObjects = mark(deepObjects, depth - 64, inObject);
				}
				depth++;
				i = skipWhitespace(json, i + 1);
				if (i < length && json[i] == (inObject ? '}' : ']')) {
					i++;
					depth--;
					inObject = depth > 0 && isObject(objects, deepObjects, depth - 1);
				}
				else {
					if (inObject && (i = member(json, i, Integer.MAX_VALUE)) < 0) {
						return false;
					}
					continue;
				}
			}
			else if (c == 't') {
				i = literal(json, i, "true");
			}
			else if (c == 'f') {
				i = literal(json, i, "false");
			}
			else if (c == 'n') {
				i = literal(json, i, "null");
			}
			else {
				i = number(json, i);
			}
			// after a value: close containers until a comma or the end
			while (true) {
				if (i < 0) {
					return false;
				}
				if (i < length && json[i] <= ' ') {
					i = skipWhitespace(json, i);
				}
				if (depth == 0) {
					return i == length;
				}
				if (i >= length) {
					return false;
				}
				c = json[i];
				if (c == ',') {
					i++;
					if (inObject) {
						i = member(json, i, Integer.MAX_VALUE);
						if (i < 0) {
							return false;
						}
					}
					else if (i < length && json[i] <= ' ') {
						i = skipWhitespace(json, i);
					}
					break;
				}
				if (c != (inObject ? '}' : ']')) {
					return false;
				}
				i++;
				depth--;
				inObject = depth > 0 && isObject(objects, deepObjects, depth - 1);
			}
		}
	}

	/**
	 * Skip the whitespace before a member name, the name, its colon, and the whitespace
	 * after it: the usual case, with no whitespace, tried first.
	 * @param maxLength the longest name allowed, in bytes between the quotes
	 * @return the index of the member's value, or -1
	 */
	private static int member(byte[] json, int i, int maxLength) {
		int length = json.length;
		if (i < length && json[i] <= ' ') {
			i = skipWhitespace(json, i);
		}
		if (i >= length || json[i] != '"') {
			return -1;
		}
		int start = i;
		i = string(json, i);
		if (i < 0 || i >= length || i - start - 2 > maxLength) {
			return -1;
		}
		if (json[i] != ':') {
			i = skipWhitespace(json, i);
			if (i >= length || json[i] != ':') {
				return -1;
			}
		}
		i++;
		if (i < length && json[i] <= ' ') {
			i = skipWhitespace(json, i);
		}
		return i;
	}

	private static boolean isObject(long objects, long @Nullable [] deepObjects, int level) {
		long bits = (level < 64) ? objects : deepObjects[(level - 64) >> 6];
		return (bits & (1L << level)) != 0;
	}

	/**
	 * Return where the JSON value that starts at {@code start} ends, checking it as
	 * {@link #isJsonValue} does and, besides, that no number is longer than
	 * {@code maxNumberLength} characters, no string longer than {@code maxStringLength}
	 * bytes and no member name longer than {@code maxNameLength} bytes.
	 * @param json the bytes
	 * @param start the index of the value's first byte
	 * @param maxDepth the deepest nesting allowed
	 * @param maxNumberLength the longest number allowed
	 * @param maxStringLength the longest string allowed, in bytes between the quotes
	 * @param maxNameLength the longest member name allowed, in bytes between the quotes
	 * @return the index after the value and the whitespace after it, or -1 if there is no
	 * such value there
	 */
	static int valueEnd(byte[] json, int start, int maxDepth, int maxNumberLength, int maxStringLength,
			int maxNameLength) {
		int length = json.length;
		int depth = 0;
		// one bit per level, set for an object: the first 64 levels, then the rest
		long objects = 0;
		long[] deepObjects = null;
		int i = start;
		while (true) {
			// a value starts at i
			if (i >= length) {
				return -1;
			}
			byte c = json[i];
			if (c == '{' || c == '[') {
				if (depth == maxDepth) {
					return -1;
				}
				boolean object = c == '{';
				if (depth < 64) {
					objects = object ? (objects | (1L << depth)) : (objects & ~(1L << depth));
				}
				else {
					deepObjects = mark(deepObjects, depth - 64, object);
				}
				depth++;
				i = skipWhitespace(json, i + 1);
				if (i < length && json[i] == (object ? '}' : ']')) {
					depth--;
					i++;
				}
				else {
					if (object && (i = member(json, i, maxNameLength)) < 0) {
						return -1;
					}
					continue;
				}
			}
			else if (c == '"') {
				int stringStart = i;
				i = string(json, i);
				if (i - stringStart - 2 > maxStringLength) {
					return -1;
				}
			}
			else if (c == 't') {
				i = literal(json, i, "true");
			}
			else if (c == 'f') {
				i = literal(json, i, "false");
			}
			else if (c == 'n') {
				i = literal(json, i, "null");
			}
			else {
				int numberStart = i;
				i = number(json, i);
				if (i - numberStart > maxNumberLength) {
					return -1;
				}
			}
			// after a value: close containers until a comma or the end
			while (true) {
				i = skipWhitespace(json, i);
				if (depth == 0 || i < 0) {
					return i;
				}
				if (i >= length) {
					return -1;
				}
				int level = depth - 1;
				long bits = (level < 64) ? objects : deepObjects[(level - 64) >> 6];
				boolean inObject = (bits & (1L << level)) != 0;
				c = json[i];
				if (c == ',') {
					i = skipWhitespace(json, i + 1);
					if (inObject) {
						i = member(json, i, maxNameLength);
					}
					break;
				}
				if (c != (inObject ? '}' : ']')) {
					return -1;
				}
				depth--;
				i++;
			}
			if (i < 0) {
				return -1;
			}
		}
	}

	private static long[] mark(long @Nullable [] bits, int level, boolean set) {
		int index = level >> 6;
		long[] result = (bits == null) ? new long[4] : (index < bits.length) ? bits : Arrays.copyOf(bits, index * 2);
		long bit = 1L << level;
		result[index] = set ? (result[index] | bit) : (result[index] & ~bit);
		return result;
	}

	static int skipWhitespace(byte[] json, int i) {
		while (i >= 0 && i < json.length && json[i] <= ' ') {
			byte c = json[i];
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				break;
			}
			i++;
		}
		return i;
	}

	/**
	 * Skip the string whose opening quote is at {@code start}.
	 * @return the index after the closing quote, or -1
	 */
	private static int string(byte[] json, int start) {
		int length = json.length;
		int lastWord = length - Long.BYTES;
		int i = start + 1;
		while (true) {
			if (i <= lastWord) {
				long special = special((long) Utf8.LONGS.get(json, i));
				if (special == 0) {
					i += Long.BYTES;
					continue;
				}
				i += Long.numberOfTrailingZeros(special) >>> 3;
			}
			else {
				while (i < length && PLAIN[json[i] & 0xFF]) {
					i++;
				}
				if (i >= length) {
					return -1;
				}
			}
			byte c = json[i];
			if (c == '"') {
				return i + 1;
			}
			if (c == '\\') {
				i = escape(json, i + 1);
			}
			else if (c < 0) {
				i = Utf8.skipSequence(json, i);
			}
			else {
				// a control character
				return -1;
			}
			if (i < 0) {
				return -1;
			}
		}
	}

	/**
	 * Return the high bit of every byte of the word that does not stand for itself in a
	 * string, and maybe of bytes after the first such byte, never before it: a borrow
	 * only runs up from a byte that is flagged itself.
	 */
	private static long special(long word) {
		return ((word - CONTROLS) | ((word ^ QUOTES) - ONES) | ((word ^ BACKSLASHES) - ONES) | word) & Utf8.HIGH_BITS;
	}

	private static int escape(byte[] json, int i) {
		if (i >= json.length) {
			return -1;
		}
		switch (json[i]) {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
				return i + 1;
			}
			case 'u' -> {
				if (i + 4 >= json.length) {
					return -1;
				}
				for (int k = 1; k <= 4; k++) {
					if (Character.digit(json[i + k], 16) < 0) {
						return -1;
					}
				}
				return i + 5;
			}
			default -> {
				return -1;
			}
		}
	}

	private static int literal(byte[] json, int start, String literal) {
		int end = start + literal.length();
		if (end > json.length) {
			return -1;
		}
		for (int k = 1; k < literal.length(); k++) {
			if (json[start + k] != literal.charAt(k)) {
				return -1;
			}
		}
		return end;
	}

	/**
	 * Skip a number: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}.
	 * @return the index after it, or -1
	 */
	private static int number(byte[] json, int start) {
		int length = json.length;
		int i = start;
		if (json[i] == '-') {
			i++;
		}
		if (i >= length) {
			return -1;
		}
		if (json[i] == '0') {
			i++;
		}
		else if (isDigit(json[i])) {
			i = digits(json, i);
		}
		else {
			return -1;
		}
		if (i < length && json[i] == '.') {
			i++;
			if (i >= length || !isDigit(json[i])) {
				return -1;
			}
			i = digits(json, i);
		}
		if (i < length && (json[i] == 'e' || json[i] == 'E')) {
			i++;
			if (i < length && (json[i] == '+' || json[i] == '-')) {
				i++;
			}
			if (i >= length || !isDigit(json[i])) {
				return -1;
			}
			i = digits(json, i);
		}
		return i;
	}

	private static int digits(byte[] json, int i) {
		while (i < json.length && isDigit(json[i])) {
			i++;
		}
		return i;
	}

	private static boolean isDigit(byte c) {
		return c >= '0' && c <= '9';
	}

}
