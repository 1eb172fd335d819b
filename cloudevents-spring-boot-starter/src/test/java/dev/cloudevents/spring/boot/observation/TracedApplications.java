package dev.cloudevents.spring.boot.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;

/**
 * Two applications with the starter and Micrometer Tracing's OpenTelemetry bridge, each
 * exporting its spans to memory: one sends, the other receives.
 */
final class TracedApplications {

	/** Properties of both: every trace sampled. */
	static final String[] PROPERTIES = { "management.tracing.sampling.probability=1.0", "spring.main.banner-mode=off" };

	private TracedApplications() {
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Sender {

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(OrderController.class)
	static class Receiver {

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(OrderListener.class)
	static class KafkaReceiver {

		@Bean
		InMemorySpanExporter spanExporter() {
			return InMemorySpanExporter.create();
		}

	}

	/**
	 * Records each event consumed with the trace id current in the listener.
	 */
	static class OrderListener {

		final List<Received> received = new CopyOnWriteArrayList<>();

		private final Tracer tracer;

		OrderListener(Tracer tracer) {
			this.tracer = tracer;
		}

		@KafkaListener(topics = "${orders.topic}", groupId = "trace")
		void onOrder(CloudEvent event) {
			this.received.add(new Received(event, this.tracer.currentSpan().context().traceId()));
		}

	}

	/**
	 * Records each event received with the trace id current in the handler.
	 */
	@RestController
	static class OrderController {

		final List<Received> received = new CopyOnWriteArrayList<>();

		private final Tracer tracer;

		OrderController(Tracer tracer) {
			this.tracer = tracer;
		}

		@PostMapping("/orders")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void onOrder(CloudEvent event) {
			// on WebFlux no span is current in the handler unless Reactor propagates it
			Span span = this.tracer.currentSpan();
			this.received.add(new Received(event, (span != null) ? span.context().traceId() : null));
		}

	}

	record Received(CloudEvent event, @Nullable String traceId) {

	}

}
