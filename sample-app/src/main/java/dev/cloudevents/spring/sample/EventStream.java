package dev.cloudevents.spring.sample;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams the events of the {@link EventStore} to browsers as server-sent events: on
 * connect the events so far and a {@code replayed} event, then every new one as it comes
 * ({@code event} events, data an envelope {@code {sequence, direction, mode, at, headers,
 * event}}), and a {@code clear} event when they are forgotten.
 */
@Component
class EventStream implements SmartLifecycle {

	/** No timeout: the stream is open as long as the page is. */
	private static final long NO_TIMEOUT = 0L;

	private final EventStore store;

	private final EventJson json;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	EventStream(EventStore store, EventJson json) {
		this.store = store;
		this.json = json;
	}

	SseEmitter connect() {
		Subscriber subscriber = new Subscriber(new SseEmitter(NO_TIMEOUT));
		SseEmitter emitter = subscriber.emitter;
		emitter.onCompletion(subscriber::close);
		emitter.onTimeout(subscriber::close);
		emitter.onError((ex) -> subscriber.close());
		this.subscribers.add(subscriber);
		// written at once, so that the browser sees the stream open even with no events
		subscriber.send(SseEmitter.event().comment("CloudEvents Player"));
		List<RecordedEvent> replay = this.store.subscribe(subscriber);
		replay.forEach(subscriber::added);
		// the page shows a replay at once, when it knows where it ends
		subscriber.send(SseEmitter.event().name("replayed").data(""));
		return emitter;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * End every stream, so that open pages do not hold up a graceful shutdown.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.subscribers.forEach((subscriber) -> subscriber.emitter.complete());
		this.subscribers.forEach(Subscriber::close);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private final class Subscriber implements EventStore.Listener {

		private final SseEmitter emitter;

		Subscriber(SseEmitter emitter) {
			this.emitter = emitter;
		}

		@Override
		public void added(RecordedEvent event) {
			send(SseEmitter.event()
				.id(Long.toString(event.sequence()))
				.name("event")
				.data(EventStream.this.json.envelope(event)));
		}

		@Override
		public void cleared() {
			send(SseEmitter.event().name("clear").data(""));
		}

		private void send(SseEmitter.SseEventBuilder event) {
			try {
				this.emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				// the browser went away (the container then ends the request) or the
				// stream is already over: stop streaming to it
				close();
			}
		}

		void close() {
			EventStream.this.store.unsubscribe(this);
			EventStream.this.subscribers.remove(this);
		}

	}

}
