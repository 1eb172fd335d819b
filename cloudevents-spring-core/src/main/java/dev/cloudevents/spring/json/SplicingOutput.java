package dev.cloudevents.spring.json;

import java.io.OutputStream;
import java.util.Arrays;

import tools.jackson.core.util.BufferRecycler;

/**
 * Collects a generator's output of one event and leaves a gap for its JSON data bytes,
 * which go into the result array with one copy instead of passing through the generator's
 * buffer and this one: the data is most of a large event.
 */
final class SplicingOutput extends OutputStream {

	private static final byte[] NONE = new byte[0];

	private final BufferRecycler recycler;

	private final byte[] recycled;

	private byte[] buffer;

	private int count;

	private int gap = -1;

	private byte[] data = NONE;

	/**
	 * Create an output that borrows its first buffer from the recycler.
	 * @param recycler the recycler, to {@linkplain #release() give the buffer back} to
	 */
	SplicingOutput(BufferRecycler recycler) {
		this.recycler = recycler;
		this.recycled = recycler.allocByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER);
		this.buffer = this.recycled;
	}

	/**
	 * Give the borrowed buffer back; the output must not be used any more.
	 */
	void release() {
		this.recycler.releaseByteBuffer(BufferRecycler.BYTE_WRITE_CONCAT_BUFFER, this.recycled);
	}

	/**
	 * Put the data at the current end of the output; the generator must have flushed
	 * everything before it.
	 * @param data the bytes
	 */
	void splice(byte[] data) {
		this.gap = this.count;
		this.data = data;
	}

	@Override
	public void write(int b) {
		ensureCapacity(1);
		this.buffer[this.count++] = (byte) b;
	}

	@Override
	public void write(byte[] bytes, int offset, int length) {
		ensureCapacity(length);
		System.arraycopy(bytes, offset, this.buffer, this.count, length);
		this.count += length;
	}

	private void ensureCapacity(int length) {
		if (this.count + length > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.count + length));
		}
	}

	/**
	 * Return the output with the data in its gap.
	 * @return the bytes
	 */
	byte[] toByteArray() {
		if (this.gap < 0) {
			return Arrays.copyOf(this.buffer, this.count);
		}
		byte[] result = new byte[this.count + this.data.length];
		System.arraycopy(this.buffer, 0, result, 0, this.gap);
		System.arraycopy(this.data, 0, result, this.gap, this.data.length);
		System.arraycopy(this.buffer, this.gap, result, this.gap + this.data.length, this.count - this.gap);
		return result;
	}

}
