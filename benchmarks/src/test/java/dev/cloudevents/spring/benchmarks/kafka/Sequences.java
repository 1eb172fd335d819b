package dev.cloudevents.spring.benchmarks.kafka;

import java.nio.charset.StandardCharsets;

/**
 * Sequence numbers as event ids: the decimal string, read back from a header's bytes
 * without building a String.
 */
final class Sequences {

	private Sequences() {
	}

	static String id(int sequence) {
		return Integer.toString(sequence);
	}

	static byte[] idBytes(int sequence) {
		return id(sequence).getBytes(StandardCharsets.US_ASCII);
	}

	static int parse(byte[] id) {
		int value = 0;
		for (byte digit : id) {
			if (digit < '0' || digit > '9') {
				throw new IllegalArgumentException("Not a sequence number: " + new String(id, StandardCharsets.UTF_8));
			}
			value = value * 10 + (digit - '0');
		}
		return value;
	}

	static int parse(String id) {
		return Integer.parseInt(id);
	}

}
