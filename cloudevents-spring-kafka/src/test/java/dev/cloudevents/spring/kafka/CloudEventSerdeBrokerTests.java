package dev.cloudevents.spring.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written by {@link CloudEventSerializer} inside a real producer and read by
 * {@link CloudEventDeserializer} inside a real consumer, configured by their keys.
 */
class CloudEventSerdeBrokerTests {

	private static final JsonEventFormat FORMAT = new JsonEventFormat();

	private static String topic;

	private static KafkaConsumer<String, CloudEvent> consumer;

	private static final Map<ContentMode, KafkaProducer<String, CloudEvent>> producers = new HashMap<>();

	@BeforeAll
	static void connect() {
		topic = SharedKafkaBroker.newTopic("serde", 1);
		for (ContentMode mode : ContentMode.values()) {
			producers.put(mode,
					new KafkaProducer<>(
							Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
									ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
									ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName(),
									CloudEventSerializer.CONTENT_MODE_CONFIG, mode.name().toLowerCase())));
		}
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafkaBroker.bootstrapServers(), ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
				StringDeserializer.class, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class,
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
		consumer.assign(List.of(new TopicPartition(topic, 0)));
	}

	@AfterAll
	static void close() {
		producers.values().forEach(KafkaProducer::close);
		consumer.close();
	}

	static Stream<Arguments> events() {
		List<Arguments> arguments = new ArrayList<>();
		for (ContentMode mode : ContentMode.values()) {
			for (SpecVersion version : SpecVersion.values()) {
				arguments.add(Arguments.of(mode, version, "JSON", Map.of("orderId", "42", "quantity", 3)));
				arguments.add(Arguments.of(mode, version, "text", "Grüße, \"world\""));
				arguments.add(Arguments.of(mode, version, "bytes", new byte[] { 0, (byte) 0xFF, (byte) 0xC3, 10 }));
				arguments.add(Arguments.of(mode, version, "none", null));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("events")
	void anEventTravelsThroughTheBrokerUnchanged(ContentMode mode, SpecVersion version, String kind, Object data) {
		CloudEvent event = CloudEvent.builder()
			.specVersion(version)
			.type("com.example.order.created")
			.source("https://example.com/orders")
			.subject("order 42")
			.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.extension("sequence", 7)
			.data(data)
			.build();
		ConsumerRecord<String, CloudEvent> record = trip(producers.get(mode), event);
		CloudEvent read = record.value();
		if (data == null && mode == ContentMode.BINARY) {
			// a tombstone: Kafka's consumer calls no deserializer for a null value
			assertThat(read).isNull();
			read = new CloudEventDeserializer().deserialize(topic, record.headers(), (byte[]) null);
			assertThat(read.hasData()).isFalse();
		}
		Map<String, Object> attributes = new HashMap<>(read.attributes());
		attributes.remove(CloudEvent.DATACONTENTENCODING);
		Map<String, Object> expected = new HashMap<>(event.attributes());
		if (mode == ContentMode.BINARY) {
			// headers carry strings, which is all a binary-mode receiver can know
			expected.put("sequence", "7");
		}
		assertThat(attributes).isEqualTo(expected);
		assertThat(read.data()).isEqualTo(FORMAT.dataBytes(event));
		List<String> headerNames = new ArrayList<>();
		for (Header header : record.headers()) {
			headerNames.add(header.key());
		}
		if (mode == ContentMode.STRUCTURED) {
			assertThat(headerNames).containsExactly("content-type");
		}
		else {
			assertThat(headerNames).allMatch((name) -> name.startsWith("ce_") || name.equals("content-type"));
			assertThat(record.headers().lastHeader("ce_subject").value())
				.isEqualTo("order 42".getBytes(StandardCharsets.UTF_8));
		}
	}

	private static ConsumerRecord<String, CloudEvent> trip(KafkaProducer<String, CloudEvent> producer,
			CloudEvent event) {
		RecordMetadata sent;
		try {
			sent = producer.send(new ProducerRecord<>(topic, event)).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		TopicPartition partition = new TopicPartition(topic, 0);
		consumer.seek(partition, sent.offset());
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() == sent.offset()) {
					return record;
				}
			}
		}
		throw new IllegalStateException("Record not read back");
	}

}
