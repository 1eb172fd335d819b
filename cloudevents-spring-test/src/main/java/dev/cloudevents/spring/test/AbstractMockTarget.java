package dev.cloudevents.spring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.cloudevents.spring.CloudEvent;

/**
 * What both mock targets do the same way: expectations by type and count, what was
 * received, failures kept for {@link #verify()}, and waiting for sends that run in the
 * background. Each target reads its protocol's messages and answers them its own way.
 * Thread-safe: every method holds the target's lock.
 *
 * @param <E> an expectation, which tells how the target answers its events
 * @param <C> a message the target received, with its events
 */
abstract class AbstractMockTarget<E, C> {

	private final Expectations<E> expectations = new Expectations<>();

	private final List<C> captured = new ArrayList<>();

	private final List<String> failures = new ArrayList<>();

	/**
	 * Expect one event of the given type.
	 * @param type the event type
	 * @return the expectation, to tell how the target answers the event
	 */
	public E expect(String type) {
		return expect(1, type);
	}

	/**
	 * Expect a number of events of the given type.
	 * @param count how many events
	 * @param type the event type
	 * @return the expectation, to tell how the target answers the events
	 */
	public synchronized E expect(int count, String type) {
		E expected = newExpectation();
		this.expectations.add(count, type, expected);
		return expected;
	}

	/**
	 * Verify that every expected event was received, and nothing unexpected.
	 * @throws AssertionError if not
	 */
	public void verify() {
		verify(Duration.ZERO);
	}

	/**
	 * Verify that every expected event is received within the given time, and nothing
	 * unexpected: for code that sends in the background.
	 * @param timeout how long to wait for the expected events
	 * @throws AssertionError if not
	 */
	public synchronized void verify(Duration timeout) {
		this.expectations.await(this, () -> !this.failures.isEmpty(), timeout);
		this.expectations.verify(this.failures, received());
	}

	/**
	 * Return every event received so far, in the order they arrived, those of a batch in
	 * the batch's order.
	 * @return the events
	 */
	public synchronized List<CloudEvent> received() {
		return this.captured.stream().flatMap((message) -> eventsOf(message).stream()).toList();
	}

	/**
	 * Forget the expectations, the received events and the failures.
	 */
	public synchronized void reset() {
		this.expectations.clear();
		this.captured.clear();
		this.failures.clear();
	}

	abstract E newExpectation();

	abstract List<CloudEvent> eventsOf(C message);

	synchronized List<C> captured() {
		return List.copyOf(this.captured);
	}

	/**
	 * Read a message and answer it, keeping it when it is valid and expected; an
	 * {@link AssertionError} is kept for {@link #verify()} too.
	 */
	synchronized <A> A handle(Supplier<C> read, Function<C, A> answer) {
		try {
			C message = read.get();
			A result = answer.apply(message);
			this.captured.add(message);
			return result;
		}
		catch (AssertionError ex) {
			this.failures.add(ex.getMessage());
			throw ex;
		}
		finally {
			notifyAll();
		}
	}

	/**
	 * Match the events of a message with the expectations.
	 * @return the expectations matched, none when the target has none
	 * @throws AssertionError naming the first event no expectation is left for
	 */
	List<E> match(List<CloudEvent> events, String destination) {
		return this.expectations.isEmpty() ? List.of() : this.expectations.match(events, destination);
	}

}
