package dev.cloudevents.spring;

import java.util.Objects;

/**
 * Limits a receiver puts on the events it reads, so that a hostile or broken sender
 * cannot make it spend memory or time out of proportion: how many events a batch may
 * hold, how many extension attributes an event may have, and how deeply nested and how
 * long the JSON of an event may be. An event over a limit is rejected with an
 * {@link EventLimitExceededException} naming the limit.
 * <p>
 * The {@linkplain #defaults() defaults} are generous for events and their data, and far
 * tighter than Jackson's own read constraints: a batch of
 * {@value #DEFAULT_MAX_BATCH_SIZE} events, {@value #DEFAULT_MAX_EXTENSIONS} extension
 * attributes per event, JSON nested {@value #DEFAULT_MAX_NESTING_DEPTH} levels deep
 * (counting the event object and the batch array), strings of
 * {@value #DEFAULT_MAX_STRING_LENGTH} characters (which bounds {@code data_base64} to
 * about 3.7 MB of data) and numbers of {@value #DEFAULT_MAX_NUMBER_LENGTH} characters.
 * The size of a whole body is limited where it is received, by the message converter and
 * reader.
 * <p>
 * Instances are immutable: {@code with...} methods return a copy. <pre class="code">
 * EventLimits limits = EventLimits.defaults().withMaxBatchSize(100);
 * JsonEventFormat format = new JsonEventFormat(jsonMapper, limits);
 * </pre>
 *
 * @since 0.1.0
 */
public final class EventLimits {

	/** Default largest number of events in a batch. */
	public static final int DEFAULT_MAX_BATCH_SIZE = 1000;

	/** Default largest number of extension attributes of one event. */
	public static final int DEFAULT_MAX_EXTENSIONS = 64;

	/** Default deepest nesting of JSON objects and arrays. */
	public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

	/** Default longest JSON string, in characters. */
	public static final int DEFAULT_MAX_STRING_LENGTH = 5_000_000;

	/** Default longest JSON number, in characters. */
	public static final int DEFAULT_MAX_NUMBER_LENGTH = 100;

	private static final EventLimits DEFAULTS = new EventLimits(DEFAULT_MAX_BATCH_SIZE, DEFAULT_MAX_EXTENSIONS,
			DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_STRING_LENGTH, DEFAULT_MAX_NUMBER_LENGTH);

	private final int maxBatchSize;

	private final int maxExtensions;

	private final int maxNestingDepth;

	private final int maxStringLength;

	private final int maxNumberLength;

	private EventLimits(int maxBatchSize, int maxExtensions, int maxNestingDepth, int maxStringLength,
			int maxNumberLength) {
		this.maxBatchSize = atLeast(1, Limit.BATCH_SIZE, maxBatchSize);
		this.maxExtensions = atLeast(0, Limit.EXTENSIONS, maxExtensions);
		this.maxNestingDepth = atLeast(1, Limit.NESTING_DEPTH, maxNestingDepth);
		this.maxStringLength = atLeast(1, Limit.STRING_LENGTH, maxStringLength);
		this.maxNumberLength = atLeast(1, Limit.NUMBER_LENGTH, maxNumberLength);
	}

	private static int atLeast(int min, Limit limit, int value) {
		if (value < min) {
			throw new IllegalArgumentException(
					"The limit " + limit.key() + " must be at least " + min + " but was " + value);
		}
		return value;
	}

	/**
	 * Return the default limits.
	 * @return the defaults
	 */
	public static EventLimits defaults() {
		return DEFAULTS;
	}

	/**
	 * Return the largest number of events a batch may hold.
	 * @return the limit
	 */
	public int maxBatchSize() {
		return this.maxBatchSize;
	}

	/**
	 * Return the largest number of extension attributes an event may have: members of a
	 * JSON event that are no attribute of its spec version, or {@code ce-} headers that
	 * are none in binary mode.
	 * @return the limit
	 */
	public int maxExtensions() {
		return this.maxExtensions;
	}

	/**
	 * Return how deeply JSON objects and arrays may be nested, the event object (and the
	 * batch array) included.
	 * @return the limit
	 */
	public int maxNestingDepth() {
		return this.maxNestingDepth;
	}

	/**
	 * Return the longest JSON string that is read, in characters: attribute values,
	 * string data and {@code data_base64}. JSON data is copied as bytes, so the strings
	 * inside it are not bounded by this limit but by the body size.
	 * @return the limit
	 */
	public int maxStringLength() {
		return this.maxStringLength;
	}

	/**
	 * Return the longest JSON number, in characters, anywhere in an event, its data
	 * included.
	 * @return the limit
	 */
	public int maxNumberLength() {
		return this.maxNumberLength;
	}

	/**
	 * Return a copy with another largest number of events in a batch.
	 * @param maxBatchSize the limit, at least 1
	 * @return the new limits
	 */
	public EventLimits withMaxBatchSize(int maxBatchSize) {
		return new EventLimits(maxBatchSize, this.maxExtensions, this.maxNestingDepth, this.maxStringLength,
				this.maxNumberLength);
	}

	/**
	 * Return a copy with another largest number of extension attributes.
	 * @param maxExtensions the limit, at least 0
	 * @return the new limits
	 */
	public EventLimits withMaxExtensions(int maxExtensions) {
		return new EventLimits(this.maxBatchSize, maxExtensions, this.maxNestingDepth, this.maxStringLength,
				this.maxNumberLength);
	}

	/**
	 * Return a copy with another deepest nesting of JSON objects and arrays.
	 * @param maxNestingDepth the limit, at least 1
	 * @return the new limits
	 */
	public EventLimits withMaxNestingDepth(int maxNestingDepth) {
		return new EventLimits(this.maxBatchSize, this.maxExtensions, maxNestingDepth, this.maxStringLength,
				this.maxNumberLength);
	}

	/**
	 * Return a copy with another longest JSON string.
	 * @param maxStringLength the limit in characters, at least 1
	 * @return the new limits
	 */
	public EventLimits withMaxStringLength(int maxStringLength) {
		return new EventLimits(this.maxBatchSize, this.maxExtensions, this.maxNestingDepth, maxStringLength,
				this.maxNumberLength);
	}

	/**
	 * Return a copy with another longest JSON number.
	 * @param maxNumberLength the limit in characters, at least 1
	 * @return the new limits
	 */
	public EventLimits withMaxNumberLength(int maxNumberLength) {
		return new EventLimits(this.maxBatchSize, this.maxExtensions, this.maxNestingDepth, this.maxStringLength,
				maxNumberLength);
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof EventLimits that && this.maxBatchSize == that.maxBatchSize
				&& this.maxExtensions == that.maxExtensions && this.maxNestingDepth == that.maxNestingDepth
				&& this.maxStringLength == that.maxStringLength && this.maxNumberLength == that.maxNumberLength);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.maxBatchSize, this.maxExtensions, this.maxNestingDepth, this.maxStringLength,
				this.maxNumberLength);
	}

	@Override
	public String toString() {
		return "EventLimits[max-batch-size=" + this.maxBatchSize + ", max-extensions=" + this.maxExtensions
				+ ", max-nesting-depth=" + this.maxNestingDepth + ", max-string-length=" + this.maxStringLength
				+ ", max-number-length=" + this.maxNumberLength + "]";
	}

	/**
	 * One of the limits, as named in an {@link EventLimitExceededException}.
	 */
	public enum Limit {

		/** {@link EventLimits#maxBatchSize()}. */
		BATCH_SIZE("max-batch-size"),

		/** {@link EventLimits#maxExtensions()}. */
		EXTENSIONS("max-extensions"),

		/** {@link EventLimits#maxNestingDepth()}. */
		NESTING_DEPTH("max-nesting-depth"),

		/** {@link EventLimits#maxStringLength()}. */
		STRING_LENGTH("max-string-length"),

		/** {@link EventLimits#maxNumberLength()}. */
		NUMBER_LENGTH("max-number-length");

		private final String key;

		Limit(String key) {
			this.key = key;
		}

		/**
		 * Return the name of the limit in messages and problem details, such as
		 * {@code max-batch-size}.
		 * @return the name
		 */
		public String key() {
			return this.key;
		}

	}

}
