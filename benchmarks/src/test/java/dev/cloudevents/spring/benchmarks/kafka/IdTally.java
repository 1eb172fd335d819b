package dev.cloudevents.spring.benchmarks.kafka;

import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.TimeUnit;

/**
 * Which sequence numbers were seen, and how often more than once: a bit per number, so a
 * run of millions of events fits in a few hundred kilobytes. Thread-safe.
 */
final class IdTally {

	private final BitSet seen = new BitSet();

	private long distinct;

	private long duplicates;

	private long target = Long.MAX_VALUE;

	private long reachedAt;

	synchronized void record(int sequence) {
		if (this.seen.get(sequence)) {
			this.duplicates++;
			return;
		}
		this.seen.set(sequence);
		this.distinct++;
		if (this.distinct == this.target) {
			this.reachedAt = System.nanoTime();
			notifyAll();
		}
	}

	/**
	 * Watch for the given number of distinct sequence numbers: call before the events
	 * that reach it are sent, so that the moment it is reached is taken on the consumer's
	 * thread.
	 */
	synchronized void expect(long distinct) {
		this.target = distinct;
	}

	/**
	 * Wait until the expected number of distinct sequence numbers has been seen.
	 * @return the {@link System#nanoTime()} at which it was, or -1 on time-out
	 */
	synchronized long await(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.distinct < this.target) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return -1;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
		return this.reachedAt;
	}

	synchronized long distinct() {
		return this.distinct;
	}

	synchronized long duplicates() {
		return this.duplicates;
	}

	/**
	 * Return how many of the sequence numbers from {@code from} (inclusive) to {@code to}
	 * (exclusive) were never seen.
	 */
	synchronized int missing(int from, int to) {
		return (to - from) - this.seen.get(from, to).cardinality();
	}

}
