package dev.cloudevents.spring.kafka;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * A Kafka {@link Deserializer} of record values that reads a {@link CloudEvent} in binary
 * or structured mode with {@link CloudEventKafkaBinding}. <pre class="code">
 * value.deserializer=dev.cloudevents.spring.kafka.CloudEventDeserializer
 * </pre>
 * <p>
 * A record that is no valid CloudEvent fails with an {@link InvalidCloudEventException}
 * and nothing else; wrap the deserializer in Spring Kafka's
 * {@code ErrorHandlingDeserializer} so that such a record reaches the container's error
 * handler, and a dead-letter topic, with its original bytes. Called without headers, it
 * reads the JSON format, as {@link CloudEventSerializer} writes it then.
 * <p>
 * A binary-mode event without data is a record without value, and Kafka's consumer does
 * not call a deserializer for a {@code null} value: such a record's value is
 * {@code null}. Read its event from the headers with
 * {@link CloudEventKafkaBinding#read(org.apache.kafka.common.header.Headers, byte[])
 * binding.read(record.headers(), null)}, as the {@code @KafkaListener} support does.
 * Called with headers and a {@code null} value, this deserializer does the same and never
 * returns {@code null}.
 * <p>
 * It needs no configuration; a deserializer built in code can be given a binding with the
 * application's format and {@link dev.cloudevents.spring.EventLimits}.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

	private final CloudEventKafkaBinding binding;

	/**
	 * Create a deserializer with a default binding. Kafka calls this constructor when the
	 * deserializer is named in the consumer configuration.
	 */
	public CloudEventDeserializer() {
		this(new CloudEventKafkaBinding());
	}

	/**
	 * Create a deserializer with the given binding, for a consumer built in code.
	 * @param binding the binding
	 */
	public CloudEventDeserializer(CloudEventKafkaBinding binding) {
		this.binding = binding;
	}

	@Override
	public @Nullable CloudEvent deserialize(String topic, byte @Nullable [] data) {
		return (data != null) ? this.binding.format().deserialize(data) : null;
	}

	@Override
	public CloudEvent deserialize(String topic, Headers headers, byte @Nullable [] data) {
		return this.binding.read(headers, data);
	}

}
