package dev.cloudevents.spring.mvc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.web.Order;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.web.ValidatedOrder;

/**
 * Records every CloudEvent parameter shape it receives; the reply endpoints answer with
 * {@link #reply(CloudEvent)}.
 */
@RestController
public class RecordingController {

	private final Received received;

	RecordingController(Received received) {
		this.received = received;
	}

	/**
	 * Return the reply to an event: the same event with a suffixed id and a reply type.
	 * @param event the received event
	 * @return the reply
	 */
	public static CloudEvent reply(CloudEvent event) {
		return event.mutate().id(event.id() + "-reply").type("com.example.reply").build();
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

	// a consumes condition makes Spring MVC parse every POST's Content-Type, on any path
	@PostMapping(path = "/json", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	void json(@RequestBody CloudEvent event) {
		this.received.record(event);
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

	@PostMapping("/orders/valid")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void validOrder(@Valid @CloudEventData ValidatedOrder order) {
		this.received.record(order);
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

	@PostMapping("/data/node")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void node(@CloudEventData JsonNode data) {
		this.received.record(data);
	}

	@PostMapping("/data/optional")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void optional(@CloudEventData Optional<Order> data) {
		this.received.record(data);
	}

	@PostMapping("/reply")
	CloudEvent replyTo(CloudEvent event) {
		this.received.record(event);
		return reply(event);
	}

	@PostMapping("/reply/entity")
	ResponseEntity<CloudEvent> replyEntity(CloudEvent event) {
		this.received.record(event);
		return ResponseEntity.ok().header("X-Reply", "yes").body(reply(event));
	}

	@PostMapping("/reply/batch")
	List<CloudEvent> replyBatch(List<CloudEvent> events) {
		this.received.record(events);
		return events.stream().map(RecordingController::reply).toList();
	}

}
