package dev.cloudevents.spring.boot.readme;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent; // ours, not the reference SDK's io.cloudevents.CloudEvent

@RestController
class OrderEvents {

	@PostMapping("/orders") // any content mode, either spec version
	@ResponseStatus(HttpStatus.ACCEPTED) // receivers usually answer 202; a void method
											// answers 200
	void onOrder(CloudEvent event) {
		System.out.println(event.type() + " " + event.id() + " from " + event.source());
	}

	@PostMapping("/orders/batch") // application/cloudevents-batch+json
	@ResponseStatus(HttpStatus.ACCEPTED)
	void onBatch(List<CloudEvent> events) {
		events.forEach((event) -> System.out.println(event.type() + " " + event.id()));
	}

	@PostMapping("/")
	CloudEvent reply(CloudEvent in) { // answered 200 with the event, in the request's
										// content mode
		return CloudEvent.builder()
			.type(in.type() + ".reply")
			.source("https://example.com/replies")
			.data("received " + in.id())
			.build();
	}

}
