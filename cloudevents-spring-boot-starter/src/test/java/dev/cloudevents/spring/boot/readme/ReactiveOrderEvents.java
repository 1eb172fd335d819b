package dev.cloudevents.spring.boot.readme;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.annotation.CloudEventData;

@RestController
class ReactiveOrderEvents {

	// a CloudEvent parameter works too, and Mono<CloudEvent> or Flux<CloudEvent>
	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> onOrder(@CloudEventData Mono<Order> order) {
		return order.doOnNext((received) -> System.out.println("order " + received.id())).then();
	}

}
