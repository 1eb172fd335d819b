package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.observation.TraceContextExtension;

/**
 * Reads the event of one record from what Spring Kafka hands a listener: the record
 * itself, when a {@link DeferredRecordMessage} or the converter gives it, or else the
 * payload as the value deserializer left it and the headers as the header mapper left
 * them. An invalid record fails with the {@link InvalidCloudEventException} that names
 * the header and rule, one in a batch with a {@link BatchListenerFailedException} that
 * gives its index too.
 */
final class RecordEvents {

	private static final String STRUCTURED_PREFIX = "application/cloudevents";

	private static final String CE_SPECVERSION = CloudEventKafkaBinding.HEADER_PREFIX + CloudEvent.SPECVERSION;

	private final CloudEventKafkaBinding binding;

	RecordEvents(CloudEventKafkaBinding binding) {
		this.binding = binding;
	}

	CloudEvent read(Message<?> message) {
		CloudEvent decoded = (message instanceof DecodedEventMessage read) ? read.event() : null;
		if (decoded != null) {
			return decoded;
		}
		ConsumerRecord<?, ?> record = record(message);
		if (record != null) {
			return read(record.value(), record.headers());
		}
		return read(message.getPayload(), headers(message));
	}

	/**
	 * Return the record headers of a record listener's message, as far as a content mode
	 * and a {@code traceparent} go.
	 */
	static Headers recordHeaders(Message<?> message) {
		ConsumerRecord<?, ?> record = record(message);
		return (record != null) ? record.headers() : recordHeaders(headers(message));
	}

	// the record itself, when the listener adapter or the converter gives it: its value
	// as the value deserializer left it and every copy of its headers
	private static @Nullable ConsumerRecord<?, ?> record(Message<?> message) {
		if (message instanceof DeferredRecordMessage deferred) {
			return deferred.record();
		}
		return (message.getHeaders().get(KafkaHeaders.RAW_DATA) instanceof ConsumerRecord<?, ?> record) ? record : null;
	}

	private static Object headers(Message<?> message) {
		Object nativeHeaders = message.getHeaders().get(KafkaHeaders.NATIVE_HEADERS);
		return (nativeHeaders != null) ? nativeHeaders : message.getHeaders();
	}

	/**
	 * Return the content mode that record headers announce, as the binding reads them.
	 */
	static @Nullable ContentMode contentMode(Headers headers) {
		Header contentType = headers.lastHeader(CloudEventKafkaBinding.CONTENT_TYPE);
		if (contentType != null && contentType.value() != null
				&& new String(contentType.value(), StandardCharsets.ISO_8859_1).regionMatches(true, 0,
						STRUCTURED_PREFIX, 0, STRUCTURED_PREFIX.length())) {
			return ContentMode.STRUCTURED;
		}
		return (headers.lastHeader(CE_SPECVERSION) != null) ? ContentMode.BINARY : null;
	}

	/**
	 * Read the events of a batch for a method that takes them before the error handler
	 * hears of an invalid record, as {@link CloudEventHandlerAdapter} does: the events up
	 * to the first invalid record, and the failure to throw once the method has taken
	 * them.
	 */
	BatchEvents readBatchUntilInvalid(Message<?> message, MethodParameter parameter) {
		List<CloudEvent> decoded = (message instanceof DecodedEventMessage read) ? read.batch() : null;
		if (decoded != null) {
			return new BatchEvents(decoded, null);
		}
		MessageHeaders headers = message.getHeaders();
		// the raw records, when the converter gives them, carry every header copy
		List<?> values = (headers.get(KafkaHeaders.RAW_DATA) instanceof List<?> records) ? records
				: (message.getPayload() instanceof List<?> list) ? list : List.of(message.getPayload());
		List<?> recordHeaders = batchHeaders(headers);
		List<CloudEvent> events = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			Object value = values.get(i);
			try {
				events.add((value instanceof ConsumerRecord<?, ?> record) ? read(record.value(), record.headers())
						: read(value, (recordHeaders != null) ? recordHeaders.get(i) : null));
			}
			catch (InvalidCloudEventException ex) {
				// the error handler commits the records before it and recovers this one
				String problem = "Record " + i + " of the batch is not a valid CloudEvent: " + ex.getMessage();
				return new BatchEvents(events, new BatchListenerFailedException(problem,
						new MethodArgumentResolutionException(message, parameter, problem, ex), i));
			}
		}
		return new BatchEvents(events, null);
	}

	/**
	 * Read the events of a batch for a {@code List<CloudEvent>} parameter resolved on its
	 * own. A failure with the index of the invalid record makes the error handler commit
	 * the records before it, which the method has not seen here: so only an invalid first
	 * record fails alone, and a batch with an invalid record further on fails as a whole,
	 * to be retried and recovered record by record rather than committed unseen.
	 */
	List<CloudEvent> readBatch(Message<?> message, MethodParameter parameter) {
		BatchEvents batch = readBatchUntilInvalid(message, parameter);
		BatchListenerFailedException failure = batch.failure();
		if (failure == null) {
			return batch.events();
		}
		if (batch.events().isEmpty()) {
			throw failure;
		}
		throw new MethodArgumentResolutionException(message, parameter, Objects.requireNonNull(failure.getMessage()),
				failure.getCause());
	}

	/**
	 * The events of a batch up to its first invalid record, and the failure that names
	 * it.
	 */
	record BatchEvents(List<CloudEvent> events, @Nullable BatchListenerFailedException failure) {

	}

	private static @Nullable List<?> batchHeaders(MessageHeaders headers) {
		if (headers.get(KafkaHeaders.NATIVE_HEADERS) instanceof List<?> nativeHeaders) {
			return nativeHeaders;
		}
		return (headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> converted) ? converted : null;
	}

	private CloudEvent read(@Nullable Object payload, @Nullable Object headers) {
		if (payload instanceof CloudEvent event) {
			return event;
		}
		return this.binding.read(recordHeaders(headers), value(payload));
	}

	private static byte @Nullable [] value(@Nullable Object payload) {
		if (payload == null || payload instanceof KafkaNull) {
			return null;
		}
		if (payload instanceof byte[] bytes) {
			return bytes;
		}
		if (payload instanceof String text) {
			// StringDeserializer decoded UTF-8; text and JSON data come back as they were
			return text.getBytes(StandardCharsets.UTF_8);
		}
		throw new MessageConversionException("Cannot read a CloudEvent from a record value of type "
				+ payload.getClass().getName() + ": use a ByteArrayDeserializer (or StringDeserializer, "
				+ "for text and JSON data) or a CloudEventDeserializer for the record values");
	}

	private static Headers recordHeaders(@Nullable Object headers) {
		if (headers instanceof Headers kafkaHeaders) {
			return kafkaHeaders;
		}
		RecordHeaders result = new RecordHeaders();
		if (headers instanceof Map<?, ?> mapped) {
			mapped.forEach((name, value) -> {
				String key = name.toString();
				if (key.startsWith(CloudEventKafkaBinding.HEADER_PREFIX)
						|| key.equals(CloudEventKafkaBinding.CONTENT_TYPE)
						|| key.equals(TraceContextExtension.TRACEPARENT)) {
					add(result, key, value);
				}
			});
		}
		return result;
	}

	// byte[] as the header mapper leaves unknown headers, a String when it is told to
	// map some to strings, a List for the headers it maps as multi-valued
	private static void add(Headers headers, String key, @Nullable Object value) {
		if (value instanceof List<?> values) {
			values.forEach((element) -> add(headers, key, element));
		}
		else if (value instanceof Header header) {
			headers.add(header);
		}
		else {
			headers.add(key, (value instanceof byte[] bytes) ? bytes
					: (value != null) ? value.toString().getBytes(StandardCharsets.UTF_8) : null);
		}
	}

}
