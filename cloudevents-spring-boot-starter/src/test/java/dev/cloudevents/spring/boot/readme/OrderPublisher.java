package dev.cloudevents.spring.boot.readme;

import java.net.URI;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.client.CloudEventTemplate;

@Service
class OrderPublisher {

	private final CloudEventTemplate template;

	OrderPublisher(CloudEventTemplate template) {
		this.template = template;
	}

	void orderCreated(URI broker, Order order) {
		// id, time and specversion 1.0 are filled in when omitted
		CloudEvent event = CloudEvent.builder()
			.type("com.example.order.created")
			.source(URI.create("https://example.com/orders"))
			.data(order) // JSON data
			.build();
		this.template.send(broker, event); // in the configured content mode
	}

	Optional<CloudEvent> ask(URI service, CloudEvent question) {
		// the reply event, if the service answers with one
		return this.template.sendAndReceive(service, question);
	}

	// built with cloudevents.source, sent to cloudevents.http.sink
	CloudEvent orderCreated(Order order) {
		return this.template.send("com.example.order.created", order);
	}

}
