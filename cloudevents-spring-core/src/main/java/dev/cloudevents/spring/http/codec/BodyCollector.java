package dev.cloudevents.spring.http.codec;

import java.util.Arrays;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collector;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/**
 * Collects the buffers of a body into one array, within a limit, and decodes that array
 * when the body ends: one Reactor operator where joining the buffers, mapping the result
 * and defaulting an empty body took several, each of which costs a little on every
 * request. Each buffer is released as soon as it is copied, so none is held on a failure
 * or a cancellation.
 *
 * @param <T> what the body decodes to
 */
final class BodyCollector<T> implements Collector<DataBuffer, BodyCollector.Bytes, T> {

	private final int max;

	private final int expected;

	private final Supplier<RuntimeException> tooLarge;

	private final Function<byte[], T> decode;

	/**
	 * @param max the most bytes the body may have, or -1 for no limit
	 * @param contentLength the body's declared length, or -1 if unknown
	 * @param tooLarge the failure of a body over the limit
	 * @param decode decodes the whole body
	 */
	BodyCollector(int max, long contentLength, Supplier<RuntimeException> tooLarge, Function<byte[], T> decode) {
		this.max = max;
		this.expected = (contentLength > 0 && (max < 0 || contentLength <= max)) ? (int) contentLength : 0;
		this.tooLarge = tooLarge;
		this.decode = decode;
	}

	@Override
	public Supplier<Bytes> supplier() {
		return () -> new Bytes(this.expected);
	}

	@Override
	public BiConsumer<Bytes, DataBuffer> accumulator() {
		return this::add;
	}

	private void add(Bytes bytes, DataBuffer buffer) {
		try {
			int count = buffer.readableByteCount();
			if (this.max >= 0 && count > this.max - bytes.length) {
				throw this.tooLarge.get();
			}
			bytes.ensureRoom(count);
			buffer.read(bytes.array, bytes.length, count);
			bytes.length += count;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	@Override
	public BinaryOperator<Bytes> combiner() {
		// a body's buffers arrive in order, one at a time
		return (some, others) -> {
			throw new UnsupportedOperationException();
		};
	}

	@Override
	public Function<Bytes, T> finisher() {
		return (bytes) -> this.decode.apply(bytes.toArray());
	}

	@Override
	public Set<Characteristics> characteristics() {
		return Set.of();
	}

	/** The bytes of a body so far. */
	static final class Bytes {

		private static final byte[] EMPTY = new byte[0];

		private byte[] array;

		private int length;

		Bytes(int capacity) {
			this.array = (capacity > 0) ? new byte[capacity] : EMPTY;
		}

		void ensureRoom(int count) {
			if (count > this.array.length - this.length) {
				this.array = Arrays.copyOf(this.array, Math.max(this.length + count, this.array.length * 2));
			}
		}

		byte[] toArray() {
			return (this.length == this.array.length) ? this.array : Arrays.copyOf(this.array, this.length);
		}

	}

}
