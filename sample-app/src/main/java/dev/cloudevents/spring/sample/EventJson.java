package dev.cloudevents.spring.sample;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.stereotype.Component;

import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.observation.TraceContextExtension;

/**
 * Writes what the player shows as JSON: events in the JSON event format, and envelopes
 * that add how an event travelled (with its Kafka record's position, if it was one) and
 * the id of its trace.
 */
@Component
@RegisterReflectionForBinding({ EventJson.Envelope.class, KafkaPosition.class })
class EventJson {

	private final JsonMapper jsonMapper;

	private final JsonEventFormat format;

	EventJson(JsonEventFormat format) {
		this.format = format;
		this.jsonMapper = format.jsonMapper();
	}

	/**
	 * Return a JSON array of events, each exactly as the JSON event format writes it.
	 */
	byte[] array(List<RecordedEvent> events) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write('[');
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			this.format.serialize(events.get(i).event(), out);
		}
		out.write(']');
		return out.toByteArray();
	}

	/**
	 * Return an envelope on one line, as a server-sent event's data must be: the event
	 * goes through a tree because the format copies JSON data as it came, line breaks
	 * included.
	 */
	String envelope(RecordedEvent recorded) {
		JsonNode event = this.jsonMapper.readTree(this.format.serialize(recorded.event()));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		recorded.headers().forEach(headers::put);
		return this.jsonMapper.writeValueAsString(new Envelope(recorded.sequence(),
				recorded.direction().name().toLowerCase(), recorded.delivery().name().toLowerCase(), recorded.at(),
				traceId(recorded), headers, recorded.kafka(), event));
	}

	/**
	 * Return the trace id of the transport's {@code traceparent} header, else that of the
	 * event's distributed-tracing extension, or {@code null} if neither is a W3C one.
	 */
	static @Nullable String traceId(RecordedEvent recorded) {
		String traceId = traceId(recorded.headers().getFirst(TraceContextExtension.TRACEPARENT));
		return (traceId != null) ? traceId : traceId(TraceContextExtension.traceparent(recorded.event()));
	}

	private static @Nullable String traceId(@Nullable String traceparent) {
		if (traceparent == null) {
			return null;
		}
		String value = traceparent.trim();
		if (value.length() < 55 || value.charAt(2) != '-' || value.charAt(35) != '-') {
			return null;
		}
		String traceId = value.substring(3, 35);
		boolean hex = traceId.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
		return (hex && !traceId.equals("0".repeat(32))) ? traceId : null;
	}

	record Envelope(long sequence, String direction, String mode, Instant at, @Nullable String traceId,
			Map<String, List<String>> headers, @Nullable KafkaPosition kafka, JsonNode event) {

	}

}
