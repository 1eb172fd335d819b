package dev.cloudevents.spring.benchmarks;

/**
 * How much JSON data an event of a benchmark carries.
 */
public enum EventSize {

	/** About 300 bytes of data. */
	SMALL(300),

	/** About 4 KiB of data. */
	MEDIUM(4 * 1024),

	/** About 256 KiB of data. */
	LARGE(256 * 1024);

	private final int dataBytes;

	EventSize(int dataBytes) {
		this.dataBytes = dataBytes;
	}

	/**
	 * Return the approximate size of the data, the generated data is at least that long.
	 * @return the size in bytes
	 */
	public int dataBytes() {
		return this.dataBytes;
	}

}
