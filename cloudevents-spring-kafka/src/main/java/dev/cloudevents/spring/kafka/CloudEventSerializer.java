package dev.cloudevents.spring.kafka;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

/**
 * A Kafka {@link Serializer} of record values that writes a {@link CloudEvent} with
 * {@link CloudEventKafkaBinding}, headers included, in binary mode unless configured
 * otherwise. <pre class="code">
 * value.serializer=dev.cloudevents.spring.kafka.CloudEventSerializer
 * cloudevents.serializer.content-mode=structured
 * </pre>
 * <p>
 * A {@code null} event is a {@code null} value with no headers. Called without headers,
 * as some Kafka Streams stores do, it writes the JSON format, which
 * {@link CloudEventDeserializer} reads back without headers too.
 */
public class CloudEventSerializer implements Serializer<CloudEvent> {

	/**
	 * Configuration key of the content mode: {@code binary} (the default) or
	 * {@code structured}, in any case, or a {@link ContentMode}.
	 */
	public static final String CONTENT_MODE_CONFIG = "cloudevents.serializer.content-mode";

	private final CloudEventKafkaBinding binding;

	private ContentMode mode;

	/**
	 * Create a serializer with a default binding, in binary mode until
	 * {@linkplain #configure(Map, boolean) configured} otherwise. Kafka calls this
	 * constructor when the serializer is named in the producer configuration.
	 */
	public CloudEventSerializer() {
		this(new CloudEventKafkaBinding(), ContentMode.BINARY);
	}

	/**
	 * Create a serializer with the given binding and content mode, for a producer built
	 * in code; {@link #configure(Map, boolean)} may still change the mode.
	 * @param binding the binding, with the application's format
	 * @param mode the content mode
	 */
	public CloudEventSerializer(CloudEventKafkaBinding binding, ContentMode mode) {
		this.binding = binding;
		this.mode = mode;
	}

	@Override
	public void configure(Map<String, ?> configs, boolean isKey) {
		if (isKey) {
			throw new IllegalArgumentException("CloudEventSerializer writes record values, not keys");
		}
		Object mode = configs.get(CONTENT_MODE_CONFIG);
		if (mode != null) {
			this.mode = contentMode(mode);
		}
	}

	static ContentMode contentMode(Object value) {
		if (value instanceof ContentMode mode) {
			return mode;
		}
		try {
			return ContentMode.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					CONTENT_MODE_CONFIG + " must be 'binary' or 'structured', not '" + value + "'", ex);
		}
	}

	@Override
	public byte @Nullable [] serialize(String topic, @Nullable CloudEvent event) {
		return (event != null) ? this.binding.format().serialize(event) : null;
	}

	@Override
	public byte @Nullable [] serialize(String topic, Headers headers, @Nullable CloudEvent event) {
		return (event != null) ? this.binding.write(event, this.mode, headers) : null;
	}

}
