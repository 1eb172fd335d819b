package dev.cloudevents.spring.sample;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.cloudevents.spring.CloudEvent;

/**
 * The events the player saw, in memory, oldest first, at most
 * {@link PlayerProperties#maxEvents()} of each {@link Direction}. Listeners hear of every
 * new event and of every clear.
 */
@Component
public class EventStore {

	private final int maxEvents;

	private final Deque<RecordedEvent> events = new ArrayDeque<>();

	private final Map<Direction, Integer> counts = new EnumMap<>(Direction.class);

	private final List<Listener> listeners = new ArrayList<>();

	private long sequence;

	EventStore(PlayerProperties properties) {
		this.maxEvents = properties.maxEvents();
	}

	/**
	 * Record an event and tell the listeners.
	 * @param direction which way the event went
	 * @param event the event
	 * @param delivery how it travelled
	 * @param headers the HTTP headers it travelled with
	 * @return the recorded event
	 */
	public RecordedEvent add(Direction direction, CloudEvent event, Delivery delivery, HttpHeaders headers) {
		return add(direction, event, delivery, headers, null);
	}

	/**
	 * Record an event that travelled on Kafka, or over HTTP, and tell the listeners.
	 * @param direction which way the event went
	 * @param event the event
	 * @param delivery how it travelled
	 * @param headers the headers it travelled with
	 * @param kafka where its Kafka record is, or {@code null} if it travelled over HTTP
	 * @return the recorded event
	 */
	public RecordedEvent add(Direction direction, CloudEvent event, Delivery delivery, HttpHeaders headers,
			@Nullable KafkaPosition kafka) {
		RecordedEvent recorded;
		List<Listener> targets;
		synchronized (this.events) {
			recorded = new RecordedEvent(++this.sequence, direction, event, delivery, HttpHeaders.copyOf(headers),
					kafka, Instant.now());
			this.events.addLast(recorded);
			if (this.counts.merge(direction, 1, Integer::sum) > this.maxEvents) {
				dropOldest(direction);
			}
			targets = List.copyOf(this.listeners);
		}
		// outside the lock: a slow listener must not hold up receiving
		targets.forEach((listener) -> listener.added(recorded));
		return recorded;
	}

	private void dropOldest(Direction direction) {
		Iterator<RecordedEvent> iterator = this.events.iterator();
		while (iterator.hasNext()) {
			if (iterator.next().direction() == direction) {
				iterator.remove();
				this.counts.merge(direction, -1, Integer::sum);
				return;
			}
		}
	}

	/**
	 * Return the events of one direction, oldest first.
	 * @param direction the direction
	 * @return a copy of the events
	 */
	public List<RecordedEvent> events(Direction direction) {
		synchronized (this.events) {
			return this.events.stream().filter((recorded) -> recorded.direction() == direction).toList();
		}
	}

	/**
	 * Forget every event and tell the listeners.
	 */
	public void clear() {
		List<Listener> targets;
		synchronized (this.events) {
			this.events.clear();
			this.counts.clear();
			targets = List.copyOf(this.listeners);
		}
		targets.forEach(Listener::cleared);
	}

	/**
	 * Start telling a listener about new events; atomically, so that every event is
	 * either in the returned list or told to the listener, never both nor neither.
	 * @param listener the listener
	 * @return the events recorded so far, oldest first
	 */
	public List<RecordedEvent> subscribe(Listener listener) {
		synchronized (this.events) {
			this.listeners.add(listener);
			return new ArrayList<>(this.events);
		}
	}

	/**
	 * Stop telling a listener about new events.
	 * @param listener the listener
	 */
	public void unsubscribe(Listener listener) {
		synchronized (this.events) {
			this.listeners.remove(listener);
		}
	}

	/**
	 * Hears of changes to an {@link EventStore}.
	 */
	public interface Listener {

		/**
		 * Called after an event was recorded.
		 * @param event the recorded event
		 */
		void added(RecordedEvent event);

		/**
		 * Called after every event was forgotten.
		 */
		void cleared();

	}

}
