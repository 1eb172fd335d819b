package dev.cloudevents.spring.json;

import java.io.OutputStream;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Collects a generator's output of one event and leaves a gap for its JSON data bytes,
 * which go into the result array with one copy instead of passing through the generator's
 * buffer and this one: the data is most of a large event. The generator flushes its
 * buffer only when it is full, at the gap and at the end, so the output before and after
 * the gap usually arrives in one write each, into an array of its exact size.
 */
final class SplicingOutput extends OutputStream {

	private static final byte[] NONE = new byte[0];

	private byte[] head = NONE;

	private int headLength;

	private byte[] tail = NONE;

	private int tailLength;

	private byte @Nullable [] data;

	/**
	 * Put the data at the current end of the output; the generator must have flushed
	 * everything before it.
	 * @param data the bytes
	 */
	void splice(byte[] data) {
		this.data = data;
	}

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		if (this.data == null) {
			this.head = append(this.head, this.headLength, bytes, offset, length);
			this.headLength += length;
		}
		else {
			this.tail = append(this.tail, this.tailLength, bytes, offset, length);
			this.tailLength += length;
		}
	}

	private static byte[] append(byte[] buffer, int count, byte[] bytes, int offset, int length) {
		byte[] result = buffer;
		if (count + length > buffer.length) {
			result = Arrays.copyOf(buffer, (count == 0) ? length : Math.max(buffer.length * 2, count + length));
		}
		System.arraycopy(bytes, offset, result, count, length);
		return result;
	}

	/**
	 * Return the output with the data in its gap.
	 * @return the bytes
	 */
	byte[] toByteArray() {
		byte[] data = this.data;
		if (data == null) {
			return (this.headLength == this.head.length) ? this.head : Arrays.copyOf(this.head, this.headLength);
		}
		byte[] result = new byte[this.headLength + data.length + this.tailLength];
		System.arraycopy(this.head, 0, result, 0, this.headLength);
		System.arraycopy(data, 0, result, this.headLength, data.length);
		System.arraycopy(this.tail, 0, result, this.headLength + data.length, this.tailLength);
		return result;
	}

}
