package dev.cloudevents.spring.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.mvc.RecordingController;

/**
 * Routes events by type, for Spring MVC and WebFlux alike: seven methods on
 * {@code POST /events}, none of them a fallback; one routed method and a fallback on
 * {@code /fallback}; {@code consumes} on {@code /structured}, {@code produces} on
 * {@code /status}. Each method records its name first, then its arguments.
 */
@RestController
public class RoutedController {

	/** The types {@code POST /events} accepts, in alphabetical order. */
	public static final List<String> EVENTS_TYPES = List.of("com.example.order.*", "com.example.order.created",
			"com.example.order.item.*", "com.example.ping", "com.example.shipment.*", "com.example.shipment.delivered",
			"com.example.shipment.sent");

	/** The source from which {@link #warehouseShipments} takes shipment events. */
	public static final String WAREHOUSE = "https://example.com/warehouse";

	private final Received received;

	RoutedController(Received received) {
		this.received = received;
	}

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.created")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void created(@CloudEventData Order order, CloudEvent event) {
		this.received.record("created", order, event);
	}

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.created", specVersion = SpecVersion.V0_3)
	@ResponseStatus(HttpStatus.ACCEPTED)
	void createdInVersion03(CloudEvent event) {
		this.received.record("createdInVersion03", event);
	}

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void orderEvents(CloudEvent event) {
		this.received.record("orderEvents", event);
	}

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.item.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void itemEvents(List<CloudEvent> events) {
		this.received.record("itemEvents", events.get(0));
	}

	@PostMapping("/events")
	@CloudEventMapping(type = { "com.example.shipment.sent", "com.example.shipment.delivered" }, source = WAREHOUSE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	void warehouseShipments(@CloudEventData String text, CloudEvent event) {
		this.received.record("warehouseShipments", text, event);
	}

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.shipment.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void shipments(CloudEvent event) {
		this.received.record("shipments", event);
	}

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.ping")
	CloudEvent ping(CloudEvent event) {
		this.received.record("ping", event);
		return RecordingController.reply(event);
	}

	@PostMapping("/fallback")
	@CloudEventMapping(type = "com.example.order.created")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void fallbackCreated(CloudEvent event) {
		this.received.record("fallbackCreated", event);
	}

	@PostMapping("/fallback")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void fallback(List<CloudEvent> events) {
		this.received.record("fallback", events);
	}

	@PostMapping(path = "/structured", consumes = "application/cloudevents+json")
	@CloudEventMapping(type = "com.example.order.created")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void structuredOnly(CloudEvent event) {
		this.received.record("structuredOnly", event);
	}

	@PostMapping(path = "/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@CloudEventMapping(type = "com.example.status")
	Map<String, String> status(CloudEvent event) {
		this.received.record("status", event);
		return Map.of("status", "ok", "id", event.id());
	}

	@PostMapping("/status")
	@CloudEventMapping(type = "com.example.ping")
	CloudEvent statusPing(CloudEvent event) {
		this.received.record("statusPing", event);
		return RecordingController.reply(event);
	}

}
