package dev.cloudevents.spring.boot.readme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.web.CloudEventData;

@RestController
class TypedOrderEvents {

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void onOrder(@CloudEventData Order order, CloudEvent event) { // the data, read as an
																	// Order
		System.out.println(event.id() + ": " + order.quantity() + " of order " + order.id());
	}

}
