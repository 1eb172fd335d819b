package dev.cloudevents.spring.json;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) without decoding, to decide whether text data can be written as a JSON string
 * straight from its bytes.
 */
final class Utf8 {

	private Utf8() {
	}

	static boolean isValid(byte[] bytes) {
		int i = 0;
		int length = bytes.length;
		while (i < length) {
			int b = bytes[i];
			if (b >= 0) {
				i++;
				continue;
			}
			b &= 0xFF;
			int count;
			int min;
			if (b >= 0xC2 && b <= 0xDF) {
				count = 1;
				min = 0x80;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				count = 2;
				min = 0x800;
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				count = 3;
				min = 0x10000;
			}
			else {
				return false;
			}
			if (i + count >= length) {
				return false;
			}
			int codePoint = b & (0x3F >> count);
			for (int k = 1; k <= count; k++) {
				int c = bytes[i + k] & 0xFF;
				if ((c & 0xC0) != 0x80) {
					return false;
				}
				codePoint = (codePoint << 6) | (c & 0x3F);
			}
			if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
				return false;
			}
			i += count + 1;
		}
		return true;
	}

}
