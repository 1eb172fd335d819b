package dev.cloudevents.spring.boot.readme;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent; // ours, not the reference SDK's io.cloudevents.CloudEvent

@RestController
class OrderEvents {

	// any content mode and spec version; 200 without @ResponseStatus
	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void onOrder(CloudEvent event) {
		System.out.println(event.type() + " " + event.id() + " from " + event.source());
	}

	// application/cloudevents-batch+json
	@PostMapping("/orders/batch")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void onBatch(List<CloudEvent> events) {
		events.forEach((event) -> System.out.println(event.type() + " " + event.id()));
	}

	// answered 200 with the reply event, in the request's content mode
	@PostMapping("/")
	CloudEvent reply(CloudEvent in) {
		return CloudEvent.builder()
			.type(in.type() + ".reply")
			.source("https://example.com/replies")
			.data("received " + in.id())
			.build();
	}

}
