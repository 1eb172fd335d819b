package dev.cloudevents.spring.kafka;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KafkaCloudEventTemplateObservationTests {

	private static final TestObservationRegistry registry = TestObservationRegistry.create();

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
		template.setObservationRegistry(registry);
	}

	@AfterAll
	static void stop() {
		template.destroy();
		producerFactory.destroy();
		trips.close();
	}

	@Test
	void sendIsObservedUntilAcknowledgedWithSpringKafkasObservationAsItsChild() throws Exception {
		registry.clear();
		CloudEvent event = CloudEvent.builder().type("com.example.order.created").source("/orders").data("x").build();
		template.send(trips.topic(), event, ContentMode.STRUCTURED).get();
		assertThat(registry).hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("cloudevents.binding", "kafka")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "none")
			.hasHighCardinalityKeyValue("cloudevents.event_id", event.id());
		assertThat(registry).hasObservationWithNameEqualTo("spring.kafka.template")
			.that()
			.hasParentObservationContextMatching((parent) -> "cloudevents.send".equals(parent.getName()));
	}

	@Test
	void failedSendIsObservedWithItsError() {
		registry.clear();
		CloudEvent event = CloudEvent.builder().type("t").source("/orders").build();
		assertThatExceptionOfType(ExecutionException.class)
			.isThrownBy(() -> template.send("not a valid topic!", event).get());
		assertThat(registry).hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "ERROR");
	}

}
