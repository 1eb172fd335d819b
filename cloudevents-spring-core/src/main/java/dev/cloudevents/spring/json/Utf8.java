package dev.cloudevents.spring.json;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation (RFC 3629: no overlong forms, no surrogates, nothing above
 * U+10FFFF) without decoding: of every document the JSON format reads, and of text data,
 * to decide whether it can be written as a JSON string straight from its bytes.
 */
final class Utf8 {

	static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	static final long HIGH_BITS = 0x8080808080808080L;

	private Utf8() {
	}

	static boolean isValid(byte[] bytes) {
		return indexOfInvalid(bytes) < 0;
	}

	/**
	 * Return the index of the first byte that starts no well-formed sequence, or
	 * {@code -1} if all bytes are UTF-8. ASCII, nearly every byte of JSON text, is
	 * skipped eight bytes at a time.
	 */
	static int indexOfInvalid(byte[] bytes) {
		int i = 0;
		int length = bytes.length;
		int lastWord = length - Long.BYTES;
		while (true) {
			while (i <= lastWord && ((long) LONGS.get(bytes, i) & HIGH_BITS) == 0) {
				i += Long.BYTES;
			}
			while (i < length && bytes[i] >= 0) {
				i++;
			}
			if (i == length) {
				return -1;
			}
			int next = skipSequence(bytes, i);
			if (next < 0) {
				return i;
			}
			i = next;
		}
	}

	/**
	 * Return the index after the multi-byte sequence that starts at {@code start} (a
	 * non-ASCII byte), or {@code -1} if it is not well-formed.
	 */
	static int skipSequence(byte[] bytes, int start) {
		int b = bytes[start] & 0xFF;
		// the ranges of RFC 3629's UTF8-2, UTF8-3 and UTF8-4 for the first two bytes
		int count;
		int low = 0x80;
		int high = 0xBF;
		if (b >= 0xC2 && b <= 0xDF) {
			count = 1;
		}
		else if (b >= 0xE0 && b <= 0xEF) {
			count = 2;
			if (b == 0xE0) {
				low = 0xA0;
			}
			else if (b == 0xED) {
				high = 0x9F;
			}
		}
		else if (b >= 0xF0 && b <= 0xF4) {
			count = 3;
			if (b == 0xF0) {
				low = 0x90;
			}
			else if (b == 0xF4) {
				high = 0x8F;
			}
		}
		else {
			return -1;
		}
		if (start + count >= bytes.length) {
			return -1;
		}
		int second = bytes[start + 1] & 0xFF;
		if (second < low || second > high) {
			return -1;
		}
		for (int k = 2; k <= count; k++) {
			if ((bytes[start + k] & 0xC0) != 0x80) {
				return -1;
			}
		}
		return start + count + 1;
	}

}
