package dev.cloudevents.spring.boot.observation;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.boot.observation.TracedApplications.OrderListener;
import dev.cloudevents.spring.boot.observation.TracedApplications.Received;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send with {@link KafkaCloudEventTemplate} in one application and its consumption by a
 * {@code @KafkaListener} in another, through an embedded broker, each with Micrometer
 * Tracing's OpenTelemetry bridge: one trace, carried by the record's {@code traceparent}
 * header, with the listener container's observation on
 * ({@code spring.kafka.listener.observation-enabled}).
 */
class KafkaTraceTests {

	private static final String TOPIC = SharedKafkaBroker.newTopic("traced-orders", 1);

	private static ConfigurableApplicationContext listener;

	private static ConfigurableApplicationContext sender;

	@BeforeAll
	static void start() {
		String[] kafka = { "spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers(),
				"spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.listener.observation-enabled=true",
				"orders.topic=" + TOPIC };
		listener = new SpringApplicationBuilder(TracedApplications.KafkaReceiver.class).web(WebApplicationType.NONE)
			.properties(TracedApplications.PROPERTIES)
			.properties(kafka)
			.run();
		sender = new SpringApplicationBuilder(TracedApplications.Sender.class).web(WebApplicationType.NONE)
			.properties(TracedApplications.PROPERTIES)
			.properties(kafka)
			.properties("cloudevents.tracing.extension=true")
			.run();
	}

	@AfterAll
	static void stop() {
		sender.close();
		listener.close();
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void sendAndConsumptionShareOneTrace(ContentMode mode) {
		CloudEvent event = CloudEvent.builder()
			.source(URI.create("https://example.com/orders"))
			.type("com.example.order.created")
			.build();
		Tracer tracer = sender.getBean(Tracer.class);
		String traceId = Observation.createNotStarted("checkout", sender.getBean(ObservationRegistry.class))
			.observe(() -> {
				sender.getBean(KafkaCloudEventTemplate.class).send(TOPIC, event, mode).join();
				return tracer.currentSpan().context().traceId();
			});
		List<Received> received = listener.getBean(OrderListener.class).received;
		Received consumed = await().atMost(Duration.ofSeconds(30))
			.until(() -> received.stream().filter((r) -> r.event().id().equals(event.id())).findFirst(),
					java.util.Optional::isPresent)
			.orElseThrow();
		assertThat(consumed.traceId()).isEqualTo(traceId);
		assertThat(String.valueOf(consumed.event().extension("traceparent"))).startsWith("00-" + traceId + "-");
	}

}
