package dev.cloudevents.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.springframework.util.Assert;

import dev.cloudevents.spring.CloudEvent;

/**
 * The events a mock target expects, by type and count, each with what the target does
 * with them: the matching and the messages that both mock targets share. Not thread-safe:
 * the targets hold their lock.
 *
 * @param <T> what an expectation answers with
 */
final class Expectations<T> {

	private final List<Expected<T>> expected = new ArrayList<>();

	void add(int count, String type, T answer) {
		Assert.isTrue(count > 0, "Count must be positive");
		this.expected.add(new Expected<>(count, type, answer));
	}

	boolean isEmpty() {
		return this.expected.isEmpty();
	}

	/**
	 * Match every event with an expectation that has one left for its type, counting them
	 * only when all match.
	 * @return the answers of the expectations matched, in the order of the events
	 * @throws AssertionError naming the first event that no expectation is left for
	 */
	List<T> match(List<CloudEvent> events, String destination) {
		List<Expected<T>> matched = new ArrayList<>();
		for (CloudEvent event : events) {
			Expected<T> next = this.expected.stream()
				.filter((candidate) -> candidate.type.equals(event.type())
						&& candidate.received + count(matched, candidate) < candidate.count)
				.findFirst()
				.orElseThrow(() -> new AssertionError("Unexpected event of type \"" + event.type() + "\" sent to "
						+ destination + ": " + event + System.lineSeparator() + "Expected: " + describe()));
			matched.add(next);
		}
		matched.forEach((expected) -> expected.received++);
		return matched.stream().map((expected) -> expected.answer).toList();
	}

	/**
	 * Wait, holding the target's lock, until every expectation is met or something
	 * failed, or the time is up. The target notifies its lock on every event.
	 */
	void await(Object lock, BooleanSupplier failed, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			while (!failed.getAsBoolean() && !allMet()) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				lock.wait(Math.max(1, left / 1_000_000));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Fail with every failure and every unmet expectation, if any, and the events
	 * received.
	 */
	void verify(List<String> failures, List<CloudEvent> received) {
		List<String> problems = new ArrayList<>(failures);
		this.expected.stream()
			.filter((expected) -> expected.received < expected.count)
			.forEach((expected) -> problems.add("Expected " + expected.count + " event(s) of type \"" + expected.type
					+ "\" but received " + expected.received));
		if (!problems.isEmpty()) {
			throw new AssertionError(String.join(System.lineSeparator(), problems) + System.lineSeparator()
					+ "Received: " + describe(received));
		}
	}

	private boolean allMet() {
		return this.expected.stream().allMatch((expected) -> expected.received >= expected.count);
	}

	void clear() {
		this.expected.clear();
	}

	private String describe() {
		return this.expected.stream()
			.map((expected) -> expected.count + " of \"" + expected.type + "\" (" + expected.received + " received)")
			.collect(Collectors.joining(", "));
	}

	private static long count(List<?> matched, Object candidate) {
		return matched.stream().filter((each) -> each == candidate).count();
	}

	private static String describe(List<CloudEvent> events) {
		return events.isEmpty() ? "none"
				: events.stream()
					.map(CloudEvent::toString)
					.collect(Collectors.joining(System.lineSeparator() + "  ", System.lineSeparator() + "  ", ""));
	}

	private static final class Expected<T> {

		private final int count;

		private final String type;

		private final T answer;

		private int received;

		private Expected(int count, String type, T answer) {
			this.count = count;
			this.type = type;
			this.answer = answer;
		}

	}

}
