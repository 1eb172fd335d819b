package dev.cloudevents.spring.sample;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.client.CloudEventResponse;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

/**
 * Sends an event composed on the page ({@code POST /api/send}) with the
 * {@link CloudEventTemplate}, or to a {@code kafka:<topic>} with the
 * {@link KafkaCloudEventTemplate}, and records it, and the reply if there is one. A Kafka
 * send is answered once the broker acknowledged the record, with status 202 (Accepted):
 * the record is stored, and whoever consumes it has not necessarily seen it yet.
 */
@RestController
class SendController {

	static final String KAFKA_PREFIX = "kafka:";

	private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

	private final CloudEventTemplate template;

	private final KafkaCloudEventTemplate kafkaTemplate;

	private final EventStore store;

	private final JsonMapper jsonMapper;

	private final JsonEventFormat format;

	private final CloudEventHttpBinding binding;

	SendController(CloudEventTemplate template, KafkaCloudEventTemplate kafkaTemplate, EventStore store,
			CloudEventHttpBinding binding) {
		this.template = template;
		this.kafkaTemplate = kafkaTemplate;
		this.store = store;
		this.binding = binding;
		this.format = binding.format();
		this.jsonMapper = this.format.jsonMapper();
	}

	@PostMapping("/api/send")
	SendResult send(@RequestBody SendRequest request) {
		String topic = topic(request.target());
		if (topic != null) {
			return sendToKafka(topic, event(request.event()), mode(request.mode()));
		}
		URI target = target(request.target());
		ContentMode mode = mode(request.mode());
		CloudEvent event = event(request.event());
		// recorded first, so that an event sent to the player itself comes before its
		// receipt
		this.store.add(Direction.SENT, event, Delivery.of(mode), this.binding.toHttp(event, mode).headers());
		CloudEventResponse response;
		try {
			response = this.template.exchange(target, event, mode);
		}
		catch (InvalidCloudEventException ex) {
			// the event was valid, so it is the reply that is not
			throw new InvalidReplyException(target, ex);
		}
		CloudEvent reply = response.event();
		if (reply == null) {
			return new SendResult(response.status().value(), null, response.problem());
		}
		// the template only reads a reply that its headers announce, so there is a mode
		ContentMode replyMode = Objects.requireNonNull(this.binding.contentMode(response.headers()));
		this.store.add(Direction.REPLY, reply, Delivery.of(replyMode), response.headers());
		return new SendResult(response.status().value(),
				new String(this.format.serialize(reply), StandardCharsets.UTF_8), response.problem());
	}

	private SendResult sendToKafka(String topic, CloudEvent event, ContentMode mode) {
		org.springframework.kafka.support.SendResult<Object, byte[]> sent;
		try {
			sent = this.kafkaTemplate.send(topic, event, mode).get();
		}
		catch (ExecutionException ex) {
			throw new KafkaSendFailedException(topic, ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KafkaSendFailedException(topic, ex);
		}
		RecordMetadata metadata = sent.getRecordMetadata();
		this.store.add(Direction.SENT, event, Delivery.of(mode),
				PlayerKafkaListener.headers(sent.getProducerRecord().headers()),
				new KafkaPosition(metadata.topic(), metadata.partition(), metadata.offset()));
		return new SendResult(HttpStatus.ACCEPTED.value(), null, null);
	}

	/**
	 * Return the topic of a {@code kafka:<topic>} target, or {@code null} for any other.
	 */
	private static @Nullable String topic(@Nullable String target) {
		if (target == null || !target.strip().startsWith(KAFKA_PREFIX)) {
			return null;
		}
		String topic = target.strip().substring(KAFKA_PREFIX.length());
		if (!TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
			throw new InvalidSendRequestException(
					"'target' must name a Kafka topic (letters, digits, '.', '_', '-'): " + target);
		}
		return topic;
	}

	private static URI target(@Nullable String target) {
		if (target == null || target.isBlank()) {
			throw new InvalidSendRequestException("'target' is required");
		}
		try {
			URI uri = new URI(target.strip());
			String scheme = uri.getScheme();
			if (!uri.isAbsolute() || uri.getHost() == null
					|| !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
				throw new InvalidSendRequestException(
						"'target' must be an absolute http or https URL, or kafka:<topic>: " + target);
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new InvalidSendRequestException("'target' is not a URL: " + ex.getMessage());
		}
	}

	private static ContentMode mode(@Nullable String mode) {
		if (mode == null) {
			throw new InvalidSendRequestException("'mode' is required: binary or structured");
		}
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "binary" -> ContentMode.BINARY;
			case "structured" -> ContentMode.STRUCTURED;
			default -> throw new InvalidSendRequestException("'mode' must be binary or structured, not " + mode);
		};
	}

	private CloudEvent event(@Nullable JsonNode event) {
		if (!(event instanceof ObjectNode object)) {
			throw new InvalidSendRequestException("'event' is required: an event in the JSON event format");
		}
		JsonNode id = object.get(CloudEvent.ID);
		if (id == null || id.isNull() || (id.isString() && id.asString().isEmpty())) {
			object.put(CloudEvent.ID, UUID.randomUUID().toString());
		}
		return this.format.deserialize(this.jsonMapper.writeValueAsBytes(object));
	}

}
