package dev.cloudevents.spring.benchmarks.kafka;

import java.util.concurrent.locks.LockSupport;

/**
 * Spreads sends over time at a given rate, so that a fault can strike in the middle of a
 * run rather than after a burst.
 */
final class Pacer {

	private final long start = System.nanoTime();

	private final double nanosPerEvent;

	Pacer(int eventsPerSecond) {
		this.nanosPerEvent = 1_000_000_000.0 / eventsPerSecond;
	}

	/** Wait until the given event is due. */
	void awaitTurn(int event) {
		long due = this.start + (long) (event * this.nanosPerEvent);
		long now;
		while ((now = System.nanoTime()) < due) {
			LockSupport.parkNanos(due - now);
		}
	}

	double secondsElapsed() {
		return (System.nanoTime() - this.start) / 1e9;
	}

}
