package dev.cloudevents.spring.boot.readme;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;

@Component
@KafkaListener(topics = "order-events", groupId = "order-router")
class KafkaRoutedOrderEvents {

	@KafkaHandler
	@CloudEventMapping(type = "com.example.order.created")
	void created(@CloudEventData Order order) {
		System.out.println("routed: order " + order.id() + " created");
	}

	// a prefix: the other order events
	@KafkaHandler
	@CloudEventMapping(type = "com.example.order.*")
	void otherOrderEvents(CloudEvent event) {
		System.out.println("routed: " + event.type() + " " + event.id());
	}

	// optional: takes what no method above takes
	@KafkaHandler(isDefault = true)
	void anythingElse(CloudEvent event) {
		System.out.println("not routed: " + event.type());
	}

}
