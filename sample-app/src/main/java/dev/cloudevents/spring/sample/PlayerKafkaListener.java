package dev.cloudevents.spring.sample;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.annotation.KafkaListener;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;

/**
 * Consumes {@code player.kafka.topic} and records its events as received, with their
 * record's position and headers. Only exists when the topic is set: without a listener,
 * Spring Kafka connects to no broker, so the player starts without one. Records that are
 * no valid CloudEvent go to the starter's error handler, which logs and skips them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("player.kafka.topic")
class PlayerKafkaListener {

	static final String GROUP_ID = "cloudevents-player";

	private final EventStore store;

	PlayerKafkaListener(EventStore store) {
		this.store = store;
	}

	@KafkaListener(topics = "${player.kafka.topic}", groupId = GROUP_ID)
	void receive(CloudEvent event, ConsumerRecord<?, ?> record) {
		this.store.add(Direction.RECEIVED, event, delivery(record.headers()), headers(record.headers()),
				new KafkaPosition(record.topic(), record.partition(), record.offset()));
	}

	static Delivery delivery(Headers headers) {
		Header contentType = headers.lastHeader(CloudEventKafkaBinding.CONTENT_TYPE);
		boolean structured = contentType != null && contentType.value() != null
				&& text(contentType.value()).toLowerCase(Locale.ROOT).startsWith("application/cloudevents");
		return structured ? Delivery.STRUCTURED : Delivery.BINARY;
	}

	/**
	 * Return the record headers as text, for the page: values that are not UTF-8 show
	 * with replacement characters.
	 */
	static HttpHeaders headers(Headers headers) {
		HttpHeaders text = new HttpHeaders();
		for (Header header : headers) {
			text.add(header.key(), (header.value() != null) ? text(header.value()) : "");
		}
		return text;
	}

	private static String text(byte[] value) {
		return new String(value, StandardCharsets.UTF_8);
	}

}
