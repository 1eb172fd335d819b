package dev.cloudevents.spring.boot.readme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;

@RestController
class TypedOrderEvents {

	// the event's data, read as an Order
	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void onOrder(@CloudEventData Order order, CloudEvent event) {
		System.out.println(event.id() + ": " + order.quantity() + " of order " + order.id());
	}

}
