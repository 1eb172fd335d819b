package dev.cloudevents.spring.readme;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;

@RestController
class OrderEvents {

	@PostMapping("/orders")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void onOrder(CloudEvent event) {
	}

	@PostMapping("/")
	CloudEvent reply(CloudEvent in) {
		return CloudEvent.builder()
			.type(in.type() + ".reply")
			.source("https://example.com/replies")
			.data("received " + in.id())
			.build();
	}

}
