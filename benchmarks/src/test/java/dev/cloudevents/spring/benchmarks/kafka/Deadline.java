package dev.cloudevents.spring.benchmarks.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waits until a condition holds or a time-out passes: the fault runs wait on other
 * processes and on the broker, whose progress they can only observe.
 */
record Deadline(Duration timeout, String what) {

	static Deadline of(Duration timeout, String what) {
		return new Deadline(timeout, what);
	}

	boolean tryAwait(BooleanSupplier condition) {
		try {
			await(condition);
			return true;
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	void await(BooleanSupplier condition) {
		Awaitility.await(this.what)
			.atMost(this.timeout)
			.pollInterval(Duration.ofMillis(20))
			.until(condition::getAsBoolean);
	}

}
