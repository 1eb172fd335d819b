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

	private final byte[] json;

	private final int maxDepth;

	private int depth;

	/** One bit per level, set for an object: the first 64 levels. */
	private long objects;

	/** The levels past 64, allocated when needed. */
	private long @Nullable [] deepObjects;

	private JsonValidator(byte[] json, int maxDepth) {
		this.json = json;
		this.maxDepth = maxDepth;
	}

	/**
	 * Whether the bytes are one JSON value, with whitespace around it, nested at most
	 * {@code maxDepth} levels deep.
	 * @param json the bytes
	 * @param maxDepth the deepest nesting allowed
	 * @return whether the bytes are one JSON value
	 */
	static boolean isJsonValue(byte[] json, int maxDepth) {
		return new JsonValidator(json, maxDepth).validate();
	}

	private boolean validate() {
		byte[] json = this.json;
		int length = json.length;
		int i = skipWhitespace(0);
		while (true) {
			// a value starts at i
			if (i >= length) {
				return false;
			}
			switch (json[i]) {
				case '{' -> {
					if (!push(true)) {
						return false;
					}
					i = skipWhitespace(i + 1);
					if (i < length && json[i] == '}') {
						this.depth--;
						i++;
					}
					else {
						i = name(i);
						if (i < 0) {
							return false;
						}
						continue;
					}
				}
				case '[' -> {
					if (!push(false)) {
						return false;
					}
					i = skipWhitespace(i + 1);
					if (i < length && json[i] == ']') {
						this.depth--;
						i++;
					}
					else {
						continue;
					}
				}
				case '"' -> i = string(i);
				case 't' -> i = literal(i, "true");
				case 'f' -> i = literal(i, "false");
				case 'n' -> i = literal(i, "null");
				default -> i = number(i);
			}
			// after a value: close containers until a comma or the end
			while (true) {
				if (i < 0) {
					return false;
				}
				i = skipWhitespace(i);
				if (this.depth == 0) {
					return i == length;
				}
				if (i >= length) {
					return false;
				}
				byte c = json[i];
				boolean inObject = isObject();
				if (c == ',') {
					i = skipWhitespace(i + 1);
					if (inObject) {
						i = name(i);
					}
					break;
				}
				if (c != (inObject ? '}' : ']')) {
					return false;
				}
				this.depth--;
				i++;
			}
			if (i < 0) {
				return false;
			}
		}
	}

	private boolean push(boolean object) {
		int level = this.depth;
		if (level == this.maxDepth) {
			return false;
		}
		this.depth = level + 1;
		if (level < 64) {
			this.objects = object ? (this.objects | (1L << level)) : (this.objects & ~(1L << level));
			return true;
		}
		int index = (level - 64) >> 6;
		if (this.deepObjects == null) {
			this.deepObjects = new long[4];
		}
		else if (index == this.deepObjects.length) {
			this.deepObjects = Arrays.copyOf(this.deepObjects, index * 2);
		}
		long bit = 1L << level;
		this.deepObjects[index] = object ? (this.deepObjects[index] | bit) : (this.deepObjects[index] & ~bit);
		return true;
	}

	private boolean isObject() {
		int level = this.depth - 1;
		long bits = (level < 64) ? this.objects : this.deepObjects[(level - 64) >> 6];
		return (bits & (1L << level)) != 0;
	}

	/**
	 * Skip a member name and its colon, and the whitespace after it.
	 * @return the index of the member's value, or -1
	 */
	private int name(int i) {
		if (i >= this.json.length || this.json[i] != '"') {
			return -1;
		}
		i = skipWhitespace(string(i));
		if (i < 0 || i >= this.json.length || this.json[i] != ':') {
			return -1;
		}
		return skipWhitespace(i + 1);
	}

	private int skipWhitespace(int i) {
		byte[] json = this.json;
		if (i < 0) {
			return i;
		}
		while (i < json.length) {
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
	private int string(int start) {
		byte[] json = this.json;
		int length = json.length;
		int i = start + 1;
		while (i < length) {
			byte c = json[i];
			if (c == '"') {
				return i + 1;
			}
			if (c == '\\') {
				i = escape(i + 1);
				if (i < 0) {
					return -1;
				}
			}
			else if (c < 0) {
				i = Utf8.skipSequence(json, i);
				if (i < 0) {
					return -1;
				}
			}
			else if (c < 0x20) {
				return -1;
			}
			else {
				i++;
			}
		}
		return -1;
	}

	private int escape(int i) {
		byte[] json = this.json;
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

	private int literal(int start, String literal) {
		byte[] json = this.json;
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
	private int number(int start) {
		byte[] json = this.json;
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
			i = digits(i);
		}
		else {
			return -1;
		}
		if (i < length && json[i] == '.') {
			i++;
			if (i >= length || !isDigit(json[i])) {
				return -1;
			}
			i = digits(i);
		}
		if (i < length && (json[i] == 'e' || json[i] == 'E')) {
			i++;
			if (i < length && (json[i] == '+' || json[i] == '-')) {
				i++;
			}
			if (i >= length || !isDigit(json[i])) {
				return -1;
			}
			i = digits(i);
		}
		return i;
	}

	private int digits(int i) {
		byte[] json = this.json;
		while (i < json.length && isDigit(json[i])) {
			i++;
		}
		return i;
	}

	private static boolean isDigit(byte c) {
		return c >= '0' && c <= '9';
	}

}
