package dev.cloudevents.spring.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaProducerException;
import org.springframework.kafka.support.SendResult;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class KafkaCloudEventTemplateTests {

	private static RecordTrips trips;

	private static DefaultKafkaProducerFactory<String, String> producerFactory;

	private static KafkaCloudEventTemplate template;

	@BeforeAll
	static void start() {
		trips = new RecordTrips();
		producerFactory = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				SharedKafkaBroker.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
				StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000));
		template = new KafkaCloudEventTemplate(producerFactory, new CloudEventKafkaBinding());
	}

	@AfterAll
	static void stop() {
		template.destroy();
		producerFactory.destroy();
		trips.close();
	}

	private static CloudEvent event(String partitionKey) {
		CloudEvent.Builder builder = CloudEvent.builder().type("com.example.order.created").source("/orders").data("x");
		return (partitionKey != null) ? builder.extension("partitionkey", partitionKey).build() : builder.build();
	}

	private static ConsumerRecord<byte[], byte[]> sent(SendResult<Object, byte[]> result) {
		return trips.read(result.getRecordMetadata().offset());
	}

	private static String key(ConsumerRecord<byte[], byte[]> record) {
		return (record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null;
	}

	@Test
	void aSendWritesTheEventInTheConfiguredModeWithTheGivenKey() throws Exception {
		ConsumerRecord<byte[], byte[]> binary = sent(template.send(trips.topic(), "order-42", event(null)).get());
		assertThat(key(binary)).isEqualTo("order-42");
		assertThat(binary.headers().lastHeader("ce_type").value())
			.isEqualTo("com.example.order.created".getBytes(StandardCharsets.UTF_8));
		ConsumerRecord<byte[], byte[]> structured = sent(
				template.send(trips.topic(), event(null), ContentMode.STRUCTURED).get());
		assertThat(key(structured)).isNull();
		assertThat(structured.headers().lastHeader("content-type").value())
			.isEqualTo("application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void partitionKeyMappingMakesThePartitionKeyTheRecordKeyAndStillSendsTheExtension() throws Exception {
		KafkaCloudEventTemplate mapping = new KafkaCloudEventTemplate(producerFactory, new CloudEventKafkaBinding());
		try {
			assertThat(key(sent(mapping.send(trips.topic(), event("customer-7")).get()))).isNull();
			mapping.setPartitionKeyMapping(true);
			ConsumerRecord<byte[], byte[]> mapped = sent(mapping.send(trips.topic(), event("customer-7")).get());
			assertThat(key(mapped)).isEqualTo("customer-7");
			assertThat(mapped.headers().lastHeader("ce_partitionkey").value())
				.isEqualTo("customer-7".getBytes(StandardCharsets.UTF_8));
			assertThat(key(sent(mapping.send(trips.topic(), "explicit", event("customer-7")).get())))
				.isEqualTo("explicit");
			assertThat(key(sent(mapping.send(trips.topic(), event(null)).get()))).isNull();
		}
		finally {
			mapping.destroy();
		}
	}

	@Test
	void sendDefaultBuildsAnEventWithTheConfiguredSourceForTheDefaultTopic() throws Exception {
		KafkaCloudEventTemplate defaults = new KafkaCloudEventTemplate(producerFactory, new CloudEventKafkaBinding());
		try {
			assertThatIllegalStateException().isThrownBy(() -> defaults.sendDefault("t", "x"))
				.withMessageContaining("cloudevents.kafka.topic");
			defaults.setDefaultTopic(trips.topic());
			defaults.setSource(URI.create("https://example.com/shop"));
			defaults.setContentMode(ContentMode.STRUCTURED);
			ConsumerRecord<byte[], byte[]> record = sent(
					defaults.sendDefault("com.example.order.created", Map.of("id", "42")).get());
			CloudEvent event = new CloudEventKafkaBinding().read(record.headers(), record.value());
			assertThat(event.source()).isEqualTo(URI.create("https://example.com/shop"));
			assertThat(event.type()).isEqualTo("com.example.order.created");
			assertThat(new JsonEventFormat().dataAs(event, Map.class)).isEqualTo(Map.of("id", "42"));
		}
		finally {
			defaults.destroy();
		}
	}

	@Test
	void anEventThatCannotBeWrittenFailsBeforeAnythingIsSent() throws Exception {
		CloudEvent gzip = CloudEvent.builder()
			.specVersion(SpecVersion.V0_3)
			.type("t")
			.source("/s")
			.dataContentEncoding("gzip")
			.data("x")
			.build();
		long before = template.send(trips.topic(), event(null)).get().getRecordMetadata().offset();
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> template.send(trips.topic(), gzip, ContentMode.STRUCTURED))
			.withMessageContaining("datacontentencoding");
		long after = template.send(trips.topic(), event(null)).get().getRecordMetadata().offset();
		assertThat(after).isEqualTo(before + 1);
	}

	@Test
	void aFailedSendCompletesTheFutureWithAMessageNamingTheEventAndTopic() {
		CloudEvent event = event(null);
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> template.send("no-such-topic", event).get())
			.havingCause()
			.isInstanceOf(KafkaProducerException.class)
			.withMessageStartingWith("Failed to send CloudEvent id '" + event.id()
					+ "' of type 'com.example.order.created' to topic 'no-such-topic': ");
	}

}
