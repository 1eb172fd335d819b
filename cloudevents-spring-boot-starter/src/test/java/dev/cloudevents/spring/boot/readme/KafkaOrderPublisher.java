package dev.cloudevents.spring.boot.readme;

import java.util.concurrent.CompletableFuture;

import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

@Component
class KafkaOrderPublisher {

	private final KafkaCloudEventTemplate kafka;

	KafkaOrderPublisher(KafkaCloudEventTemplate kafka) {
		this.kafka = kafka;
	}

	CompletableFuture<SendResult<Object, byte[]>> publish(Order order) {
		CloudEvent event = CloudEvent.builder()
			.type("com.example.order.created")
			.source("https://example.com/orders")
			.data(order)
			.build();
		// the order's id as the record key: one order's events stay in order on one
		// partition
		return this.kafka.send("orders", order.id(), event);
	}

	void publishStructured(CloudEvent event) {
		this.kafka.send("orders", event, ContentMode.STRUCTURED);
	}

	void publishToTheDefaultTopic(Order order) {
		// built with cloudevents.source, sent to cloudevents.kafka.topic
		this.kafka.sendDefault("com.example.order.created", order);
	}

}
