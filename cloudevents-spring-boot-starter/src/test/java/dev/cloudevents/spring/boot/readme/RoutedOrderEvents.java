package dev.cloudevents.spring.boot.readme;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;

@RestController
class RoutedOrderEvents {

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.created")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void created(@CloudEventData Order order) {
		System.out.println("order " + order.id() + " created");
	}

	// a prefix: the other order events
	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void otherOrderEvents(CloudEvent event) {
		System.out.println(event.type() + " " + event.id());
	}

	// for these events, more specific than created(Order)
	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.created", source = "https://example.com/legacy",
			specVersion = SpecVersion.V0_3)
	@ResponseStatus(HttpStatus.ACCEPTED)
	void legacyCreated(CloudEvent event) {
		System.out.println("legacy order " + event.id() + " created");
	}

	// optional: takes what no method above takes, batches included
	@PostMapping("/events")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void anythingElse(List<CloudEvent> events) {
		events.forEach((event) -> System.out.println("not routed: " + event.type()));
	}

}
