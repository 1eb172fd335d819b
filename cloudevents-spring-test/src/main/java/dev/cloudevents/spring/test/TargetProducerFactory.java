package dev.cloudevents.spring.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;

import org.springframework.kafka.core.ProducerFactory;

/**
 * Makes producers that hand every record to a {@link MockKafkaCloudEventTarget}. A
 * configuration override (the template's value serializer) changes nothing: the records
 * are taken as they are given, before any serializer.
 */
final class TargetProducerFactory implements ProducerFactory<Object, Object> {

	// MockProducer serializes keys and values to check them; the target reads the record
	private static final Serializer<Object> bytes = (topic, data) -> (data instanceof byte[] raw) ? raw
			: (data != null) ? data.toString().getBytes(StandardCharsets.UTF_8) : null;

	private final MockKafkaCloudEventTarget target;

	TargetProducerFactory(MockKafkaCloudEventTarget target) {
		this.target = target;
	}

	@Override
	public Producer<Object, Object> createProducer() {
		return new MockProducer<>(true, null, bytes, bytes) {

			@Override
			public synchronized Future<RecordMetadata> send(ProducerRecord<Object, Object> record, Callback callback) {
				RuntimeException failure = TargetProducerFactory.this.target.handle(record);
				if (failure == null) {
					return super.send(record, callback);
				}
				if (callback != null) {
					callback.onCompletion(null, failure);
				}
				return CompletableFuture.failedFuture(failure);
			}

		};
	}

	@Override
	public ProducerFactory<Object, Object> copyWithConfigurationOverride(Map<String, Object> overrideProperties) {
		return this;
	}

	@Override
	public Map<String, Object> getConfigurationProperties() {
		return Map.of();
	}

}
