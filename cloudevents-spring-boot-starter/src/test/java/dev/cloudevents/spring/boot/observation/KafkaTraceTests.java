package dev.cloudevents.spring.boot.observation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
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
 * ({@code spring.kafka.listener.observation-enabled}), and the listener method's
 * {@code cloudevents.receive} span a child of the container's.
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
					Optional::isPresent)
			.orElseThrow();
		assertThat(consumed.traceId()).isEqualTo(traceId);
		assertThat(String.valueOf(consumed.event().extension("traceparent"))).startsWith("00-" + traceId + "-");

		// cloudevents.receive around the listener method, a child of Spring Kafka's span
		SpanData receive = awaitSpan((span) -> span.getName().equals("receive com.example.order.created")
				&& span.getTraceId().equals(traceId));
		assertThat(receive.getAttributes().get(AttributeKey.stringKey("cloudevents.event_id"))).isEqualTo(event.id());
		assertThat(receive.getAttributes().get(AttributeKey.stringKey("cloudevents.binding"))).isEqualTo("kafka");
		assertThat(receive.getAttributes().get(AttributeKey.stringKey("cloudevents.content_mode")))
			.isEqualTo(mode.name().toLowerCase(Locale.ROOT));
		SpanData kafkaListener = awaitSpan((span) -> span.getSpanId().equals(receive.getParentSpanId()));
		assertThat(kafkaListener.getName()).isEqualTo(TOPIC + " process");
		assertThat(kafkaListener.getTraceId()).isEqualTo(traceId);
		// the event's traceparent names the same trace as the record's: no link
		assertThat(receive.getLinks()).isEmpty();
	}

	private static SpanData awaitSpan(Predicate<SpanData> condition) {
		return await().atMost(Duration.ofSeconds(10)).until(() -> {
			listener.getBean(SdkTracerProvider.class).forceFlush().join(5, TimeUnit.SECONDS);
			return listener.getBean(InMemorySpanExporter.class)
				.getFinishedSpanItems()
				.stream()
				.filter(condition)
				.findFirst();
		}, Optional::isPresent).orElseThrow();
	}

}
