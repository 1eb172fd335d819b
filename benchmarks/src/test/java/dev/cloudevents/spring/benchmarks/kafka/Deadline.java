package dev.cloudevents.spring.benchmarks.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a time-out passes: the fault runs wait on other
 * processes and on the broker, whose progress they can only observe.
 */
record Deadline(Duration timeout, String what) {

	static Deadline of(Duration timeout, String what) {
		return new Deadline(timeout, what);
	}

	boolean tryAwait(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				return false;
			}
			Thread.sleep(20);
		}
		return true;
	}

	void await(BooleanSupplier condition) throws InterruptedException {
		if (!tryAwait(condition)) {
			throw new IllegalStateException("Timed out after " + this.timeout + " waiting until " + this.what);
		}
	}

}
