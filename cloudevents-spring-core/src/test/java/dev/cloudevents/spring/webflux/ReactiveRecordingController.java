package dev.cloudevents.spring.webflux;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.mvc.RecordingController;
import dev.cloudevents.spring.web.Order;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.web.ValidatedOrder;

/**
 * Records every CloudEvent parameter shape it receives, reactive ones included; the reply
 * endpoints answer with {@link RecordingController#reply(CloudEvent)}.
 */
@RestController
public class ReactiveRecordingController {

	private final Received received;

	ReactiveRecordingController(Received received) {
		this.received = received;
	}

	@PostMapping("/")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void event(CloudEvent event) {
		this.received.record(event);
	}

	@PostMapping("/body")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void body(@RequestBody CloudEvent event) {
		this.received.record(event);
	}

	@PostMapping("/mono")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> mono(Mono<CloudEvent> event) {
		return event.doOnNext(this.received::record).then();
	}

	@PostMapping("/flux")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> flux(Flux<CloudEvent> events) {
		return events.collectList().doOnNext(this.received::record).then();
	}

	@PostMapping("/batch")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void batch(List<CloudEvent> events) {
		this.received.record(events);
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void order(@CloudEventData Order order, CloudEvent event) {
		this.received.record(order, event);
	}

	@PostMapping("/orders/mono")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> orderMono(@CloudEventData Mono<Order> order) {
		return order.doOnNext(this.received::record).then();
	}

	@PostMapping("/orders/valid")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void validOrder(@Valid @CloudEventData ValidatedOrder order) {
		this.received.record(order);
	}

	@PostMapping("/orders/valid/mono")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> validOrderMono(@Valid @CloudEventData Mono<ValidatedOrder> order) {
		return order.doOnNext(this.received::record).then();
	}

	@PostMapping("/data/string")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void string(@CloudEventData String data) {
		this.received.record(data);
	}

	@PostMapping("/data/bytes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void bytes(@CloudEventData byte[] data) {
		this.received.record((Object) data);
	}

	@PostMapping("/data/map")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void map(@CloudEventData Map<String, Object> data) {
		this.received.record(data);
	}

	@PostMapping("/reply")
	CloudEvent reply(CloudEvent event) {
		this.received.record(event);
		return RecordingController.reply(event);
	}

	@PostMapping("/reply/mono")
	Mono<CloudEvent> replyMono(Mono<CloudEvent> event) {
		return event.doOnNext(this.received::record).map(RecordingController::reply);
	}

	@PostMapping("/reply/entity")
	ResponseEntity<CloudEvent> replyEntity(CloudEvent event) {
		this.received.record(event);
		return ResponseEntity.ok().header("X-Reply", "yes").body(RecordingController.reply(event));
	}

	@PostMapping("/reply/flux")
	Flux<CloudEvent> replyFlux(Flux<CloudEvent> events) {
		return events.doOnNext(this.received::record).map(RecordingController::reply);
	}

}
