package dev.cloudevents.spring.sample;

import java.util.List;
import java.util.Objects;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * Receives events at {@code POST /}: one event in binary or structured mode, or a batch.
 * Invalid events never get here: the starter answers them with a problem. Every event
 * received counts in the {@value #RECEIVED_METER} counter, which, unlike the store, is
 * neither capped nor cleared.
 */
@RestController
class ReceiveController {

	static final String RECEIVED_METER = "player.events.received";

	private final EventStore store;

	private final CloudEventHttpBinding binding;

	private final Counter received;

	ReceiveController(EventStore store, CloudEventHttpBinding binding, MeterRegistry meterRegistry) {
		this.store = store;
		this.binding = binding;
		this.received = Counter.builder(RECEIVED_METER)
			.description("Events received at POST /, including those no longer kept in memory")
			.baseUnit("events")
			.register(meterRegistry);
	}

	@PostMapping("/")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void receive(CloudEvent event, @RequestHeader HttpHeaders headers) {
		// the starter only resolves a single event its headers announce, so there is a
		// mode
		ContentMode mode = Objects.requireNonNull(this.binding.contentMode(headers));
		this.store.add(Direction.RECEIVED, event, Delivery.of(mode), headers);
		this.received.increment();
	}

	@PostMapping(path = "/", consumes = JsonEventFormat.BATCH_CONTENT_TYPE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	void receiveBatch(List<CloudEvent> events, @RequestHeader HttpHeaders headers) {
		events.forEach((event) -> this.store.add(Direction.RECEIVED, event, Delivery.BATCH, headers));
		this.received.increment(events.size());
	}

}
