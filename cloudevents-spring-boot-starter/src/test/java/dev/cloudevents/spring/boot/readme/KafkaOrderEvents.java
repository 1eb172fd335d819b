package dev.cloudevents.spring.boot.readme;

import java.util.List;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;

@Component
class KafkaOrderEvents {

	// binary-mode (ce_ headers) or structured records, spec 1.0 or 0.3
	@KafkaListener(topics = "orders", groupId = "order-service")
	void onOrder(@CloudEventData Order order, CloudEvent event, @Header(KafkaHeaders.OFFSET) long offset) {
		System.out.println(event.id() + " at offset " + offset + ": order " + order.id());
	}

	// a batch listener takes the events of one poll
	@KafkaListener(topics = "orders", groupId = "order-audit", batch = "true")
	void onBatch(List<CloudEvent> events) {
		events.forEach((event) -> System.out.println("audit " + event.type() + " " + event.id()));
	}

}
