package dev.cloudevents.spring.boot.readme;

import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.boot.CloudEventTemplate;

@Service
class OrderPublisher {

	private final CloudEventTemplate template;

	OrderPublisher(CloudEventTemplate template) {
		this.template = template;
	}

	void orderCreated(URI broker, Order order) {
		CloudEvent event = CloudEvent.builder() // id, time and specversion 1.0 filled in
												// when omitted
			.type("com.example.order.created")
			.source(URI.create("https://example.com/orders"))
			.data(order) // JSON data
			.build();
		this.template.send(broker, event); // in the configured content mode
	}

	Optional<CloudEvent> ask(URI service, CloudEvent question) {
		return this.template.sendAndReceive(service, question); // the reply event, if
																// there is one
	}

	CloudEvent orderCreated(Order order) { // built with the configured source, sent to
											// the configured sink
		return this.template.send("com.example.order.created", order);
	}

}
