package dev.cloudevents.spring.boot.observation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.boot.observation.TracedApplications.OrderController;
import dev.cloudevents.spring.boot.observation.TracedApplications.Received;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A send in one application and its receipt in another, each with Micrometer Tracing's
 * OpenTelemetry bridge, over real HTTP: one trace from the sender's span to the
 * receiver's handler (Spring MVC, and WebFlux with the reactive template), the
 * distributed-tracing extension added by the sender, and a link to the trace an event's
 * own extension names.
 */
class TraceAcrossApplicationsTests {

	private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");

	private static ConfigurableApplicationContext receiver;

	private static ConfigurableApplicationContext webFluxReceiver;

	private static ConfigurableApplicationContext sender;

	@BeforeAll
	static void start() {
		receiver = new SpringApplicationBuilder(TracedApplications.Receiver.class).web(WebApplicationType.SERVLET)
			.properties(TracedApplications.PROPERTIES)
			.properties("server.port=0")
			.run();
		// started once: closing a reactive server disposes Reactor Netty's global
		// resources, which the sender's WebClient shares in this JVM
		webFluxReceiver = new SpringApplicationBuilder(TracedApplications.Receiver.class)
			.web(WebApplicationType.REACTIVE)
			.properties(TracedApplications.PROPERTIES)
			.properties("server.port=0")
			.run();
		sender = new SpringApplicationBuilder(TracedApplications.Sender.class).web(WebApplicationType.NONE)
			.properties(TracedApplications.PROPERTIES)
			.properties("cloudevents.tracing.extension=true")
			.run();
	}

	@AfterAll
	static void stop() {
		sender.close();
		webFluxReceiver.close();
		receiver.close();
	}

	@BeforeEach
	void reset() {
		receiver.getBean(OrderController.class).received.clear();
		webFluxReceiver.getBean(OrderController.class).received.clear();
		receiver.getBean(InMemorySpanExporter.class).reset();
		sender.getBean(InMemorySpanExporter.class).reset();
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void sendAndReceiptShareOneTrace(ContentMode mode) {
		CloudEvent event = order(null);
		String traceId = sendInASpan(event, mode);

		Received received = receivedOnly();
		assertThat(received.traceId()).isEqualTo(traceId);
		SpanData receive = awaitSpan(receiver, "receive com.example.order.created", traceId);
		assertThat(receive.getTraceId()).isEqualTo(traceId);
		assertThat(receive.getAttributes().get(EVENT_ID)).isEqualTo(event.id());
		assertThat(receive.getAttributes().get(AttributeKey.stringKey("cloudevents.content_mode")))
			.isEqualTo(mode.name().toLowerCase());
		SpanData server = awaitSpan(receiver, "http post /orders", traceId);
		assertThat(receive.getParentSpanId()).isEqualTo(server.getSpanId());
		assertThat(receive.getLinks()).isEmpty();

		SpanData send = awaitSpan(sender, "send com.example.order.created", traceId);
		assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
		assertThat(send.getTraceId()).isEqualTo(traceId);
		assertThat(spans(sender)).anySatisfy((client) -> {
			assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
			assertThat(client.getParentSpanId()).isEqualTo(send.getSpanId());
			assertThat(client.getTraceId()).isEqualTo(traceId);
		});
	}

	@Test
	void senderAddsTheExtensionOfItsTraceToAnEventWithoutOne() {
		String traceId = sendInASpan(order(null), ContentMode.STRUCTURED);
		String traceparent = String.valueOf(receivedOnly().event().extension("traceparent"));
		assertThat(traceparent).startsWith("00-" + traceId + "-");
		SpanData send = awaitSpan(sender, "send com.example.order.created", traceId);
		assertThat(traceparent).isEqualTo("00-" + traceId + "-" + send.getSpanId() + "-01");
	}

	@Test
	void eventOfAnotherTraceIsLinkedNotContinued() {
		String starting = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
		String traceId = sendInASpan(order(starting), ContentMode.BINARY);

		Received received = receivedOnly();
		assertThat(received.event().extension("traceparent")).isEqualTo(starting);
		assertThat(received.traceId()).isEqualTo(traceId);
		SpanData receive = awaitSpan(receiver, "receive com.example.order.created", traceId);
		assertThat(receive.getTraceId()).isEqualTo(traceId);
		assertThat(receive.getLinks()).singleElement().satisfies((link) -> {
			assertThat(link.getSpanContext().getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
			assertThat(link.getSpanContext().getSpanId()).isEqualTo("b7ad6b7169203331");
		});
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void reactiveSendAndWebFluxReceiptShareOneTrace(ContentMode mode) {
		ConfigurableApplicationContext webFlux = webFluxReceiver;
		URI target = URI
			.create("http://localhost:" + ((WebServerApplicationContext) webFlux).getWebServer().getPort() + "/orders");
		CloudEvent event = order(null);
		Tracer tracer = sender.getBean(Tracer.class);
		String traceId = Observation.createNotStarted("checkout", sender.getBean(ObservationRegistry.class))
			.observe(() -> {
				sender.getBean(ReactiveCloudEventTemplate.class).send(target, event, mode).block();
				return tracer.currentSpan().context().traceId();
			});
		assertThat(webFlux.getBean(OrderController.class).received).singleElement()
			.satisfies((received) -> assertThat(received.event().id()).isEqualTo(event.id()));
		SpanData receive = awaitSpan(webFlux, "receive com.example.order.created", traceId);
		assertThat(receive.getAttributes().get(EVENT_ID)).isEqualTo(event.id());
		assertThat(receive.getParentSpanId()).isEqualTo(awaitSpan(webFlux, "http post /orders", traceId).getSpanId());
		assertThat(awaitSpan(sender, "send com.example.order.created", traceId).getKind()).isEqualTo(SpanKind.PRODUCER);
	}

	private static String sendInASpan(CloudEvent event, ContentMode mode) {
		URI target = URI.create(
				"http://localhost:" + ((WebServerApplicationContext) receiver).getWebServer().getPort() + "/orders");
		Tracer tracer = sender.getBean(Tracer.class);
		return Observation.createNotStarted("checkout", sender.getBean(ObservationRegistry.class)).observe(() -> {
			sender.getBean(CloudEventTemplate.class).send(target, event, mode);
			return tracer.currentSpan().context().traceId();
		});
	}

	private static Received receivedOnly() {
		List<Received> received = receiver.getBean(OrderController.class).received;
		assertThat(received).hasSize(1);
		return received.get(0);
	}

	// spans of an earlier test may still be exported: only this test's trace counts
	private static SpanData awaitSpan(ConfigurableApplicationContext context, String name, String traceId) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> spans(context).stream()
				.filter((span) -> span.getName().equals(name) && span.getTraceId().equals(traceId))
				.findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	private static List<SpanData> spans(ConfigurableApplicationContext context) {
		context.getBean(SdkTracerProvider.class).forceFlush().join(5, TimeUnit.SECONDS);
		return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
	}

	private static CloudEvent order(String traceparent) {
		return CloudEvent.builder()
			.source(URI.create("https://example.com/orders"))
			.type("com.example.order.created")
			.extension("traceparent", traceparent)
			.data("application/json", "{\"id\":\"42\"}".getBytes())
			.build();
	}

}
