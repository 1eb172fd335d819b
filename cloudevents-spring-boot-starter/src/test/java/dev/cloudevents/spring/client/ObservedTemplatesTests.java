package dev.cloudevents.spring.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.client.EventReceiverApplication.Answer;

import static dev.cloudevents.spring.client.CloudEventTemplateTests.closedPortUri;
import static dev.cloudevents.spring.client.CloudEventTemplateTests.event;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Both auto-configured templates observed with the application's registry, a
 * {@link TestObservationRegistry} here, against a real server that observes its receipt
 * with the same registry.
 */
@SpringBootTest(classes = { EventReceiverApplication.class, ObservedTemplatesTests.Observations.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cloudevents.http.retry.initial-interval=10ms",
				"logging.level.dev.cloudevents.spring.client=debug" })
@ExtendWith(OutputCaptureExtension.class)
class ObservedTemplatesTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestObservationRegistry registry;

	@Autowired
	private CloudEventTemplate template;

	@Autowired
	private ReactiveCloudEventTemplate reactiveTemplate;

	@Autowired
	private EventReceiverApplication receiver;

	@BeforeEach
	void reset() {
		this.receiver.reset();
		this.registry.clear();
	}

	@Test
	void sendIsOneObservationWithTheClientsExchangeAsItsChild() {
		CloudEvent event = event(SpecVersion.V1_0);
		this.template.send(uri("/events/resolved"), event, ContentMode.BINARY);
		assertSent(event, "binary");
	}

	@Test
	void reactiveSendIsOneObservationWithTheClientsExchangeAsItsChild() {
		CloudEvent event = event(SpecVersion.V1_0);
		this.reactiveTemplate.send(uri("/events/resolved"), event, ContentMode.STRUCTURED).block();
		assertSent(event, "structured");
	}

	private void assertSent(CloudEvent event, String mode) {
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasContextualNameEqualTo("send com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_spec_version", "1.0")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", mode)
			.hasLowCardinalityKeyValue("cloudevents.binding", "http")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "202")
			.hasHighCardinalityKeyValue("cloudevents.event_id", event.id())
			.hasHighCardinalityKeyValue("cloudevents.event_source", "https://example.com/orders")
			.hasHighCardinalityKeyValue("cloudevents.event_subject", "order 42")
			.hasHighCardinalityKeyValue("cloudevents.delivery.attempts", "1");
		assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasParentObservationContextMatching((parent) -> "cloudevents.send".equals(parent.getName()));
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasLowCardinalityKeyValue("cloudevents.content_mode", mode)
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("cloudevents.event_id", event.id());
	}

	@Test
	void retriedDeliveryCountsItsAttemptsEachAChildExchangeAndLogsTheRetry(CapturedOutput output) {
		this.receiver.script(Answer.status(503), Answer.status(202));
		CloudEvent event = event(SpecVersion.V1_0);
		this.template.send(uri("/scripted"), event);
		assertRetried(output);
		assertThat(output.getOut())
			.contains("DEBUG",
					"Sending CloudEvent id='" + event.id()
							+ "', type='com.example.order.created', source='https://example.com/orders', mode=binary")
			.doesNotContain("hello, world");
	}

	@Test
	void reactiveRetriedDeliveryCountsItsAttemptsEachAChildExchangeAndLogsTheRetry(CapturedOutput output) {
		this.receiver.script(Answer.status(503), Answer.status(202));
		this.reactiveTemplate.send(uri("/scripted"), event(SpecVersion.V1_0)).block();
		assertRetried(output);
	}

	private void assertRetried(CapturedOutput output) {
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.send", 1)
			.hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.doesNotHaveError()
			.hasLowCardinalityKeyValue("status", "202")
			.hasHighCardinalityKeyValue("cloudevents.delivery.attempts", "2");
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.filteredOn((context) -> "http.client.requests".equals(context.getName()))
			.hasSize(2)
			.allSatisfy((exchange) -> assertThat(exchange.getParentObservation().getContextView().getName())
				.isEqualTo("cloudevents.send")));
		assertThat(output.getOut()).containsPattern("WARN .* Retrying a CloudEvent delivery to http://localhost:"
				+ this.port + "/scripted in \\d+ ms: attempt 1 got 503");
	}

	@Test
	void rejectedDeliveryIsObservedWithItsStatusAndError() {
		this.receiver.script(Answer.status(400));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)));
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("status", "400")
			.hasLowCardinalityKeyValue("exception", "CloudEventDeliveryException");
	}

	@Test
	void unreachableTargetIsAnErrorWithoutStatus() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> this.reactiveTemplate.sendBatch(target, List.of(event(SpecVersion.V1_0))).block());
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("status", "none")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "batch")
			.hasLowCardinalityKeyValue("exception", "CloudEventConnectionException")
			.hasHighCardinalityKeyValue("cloudevents.delivery.attempts", "3");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
