package dev.cloudevents.spring.boot.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.boot.web.EventsApplication.Inbox;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.web.Order;

/**
 * Receives events as the design shows; works on Spring MVC and WebFlux.
 */
@RestController
class EventController {

	private final Inbox inbox;

	private final CloudEventHttpBinding binding;

	EventController(Inbox inbox, CloudEventHttpBinding binding) {
		this.inbox = inbox;
		this.binding = binding;
	}

	static CloudEvent reply(CloudEvent event) {
		return event.mutate().id(event.id() + "-reply").type("com.example.reply").build();
	}

	@PostMapping("/events")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void event(CloudEvent event, @RequestHeader HttpHeaders headers) {
		this.inbox.add(this.binding.contentMode(headers), event);
	}

	@PostMapping("/events/batch")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void batch(List<CloudEvent> events) {
		this.inbox.add(null, events);
	}

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void order(@CloudEventData Order order, CloudEvent event, @RequestHeader HttpHeaders headers) {
		this.inbox.add(this.binding.contentMode(headers), order);
	}

	@PostMapping("/reply")
	CloudEvent replyTo(CloudEvent event) {
		return reply(event);
	}

}
