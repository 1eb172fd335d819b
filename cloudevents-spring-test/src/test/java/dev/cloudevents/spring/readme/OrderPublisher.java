package dev.cloudevents.spring.readme;

import org.springframework.stereotype.Service;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.client.CloudEventTemplate;

@Service
class OrderPublisher {

	private final CloudEventTemplate template;

	OrderPublisher(CloudEventTemplate template) {
		this.template = template;
	}

	CloudEvent orderCreated(Order order) {
		return this.template.send("com.example.order.created", order);
	}

}
