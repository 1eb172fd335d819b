package dev.cloudevents.spring.observation;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.transport.SenderContext;
import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class CloudEventSendObservationTests {

	private static final String CURRENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	@Test
	void propagationAddsOnlyTheW3cFieldsToAnEventWithoutTraceparent() {
		this.registry.observationConfig().observationHandler(new W3cAndB3Propagation());
		CloudEventSendContext context = send(event(null), true);
		assertThat(context.getEvents()).singleElement().satisfies((event) -> {
			assertThat(event.extension("traceparent")).isEqualTo(CURRENT);
			assertThat(event.extension("tracestate")).isEqualTo("rojo=1");
			assertThat(event.extensions()).doesNotContainKeys("b3", "baggage");
		});
	}

	@Test
	void propagationNeverReplacesAnEventsTraceparent() {
		this.registry.observationConfig().observationHandler(new W3cAndB3Propagation());
		String starting = "00-0af7651916cd43dd8448eb211c80319c-b9c7c989f97918e1-01";
		CloudEventSendContext context = send(event(starting), true);
		assertThat(context.getEvents().get(0).extension("traceparent")).isEqualTo(starting);
	}

	@Test
	void withoutTheExtensionEventsAreSentAsGiven() {
		this.registry.observationConfig().observationHandler(new W3cAndB3Propagation());
		CloudEvent event = event(null);
		CloudEventSendContext context = send(event, false);
		assertThat(context.getEvents()).containsExactly(event);
	}

	@Test
	void deliveryAfterRetriesHasItsAttemptsStatusAndKeyValues() {
		CloudEventSendContext context = new CloudEventSendContext(List.of(event(null)), ContentMode.STRUCTURED, "http",
				"http://localhost/", false);
		Observation observation = CloudEventsObservationDocumentation.SEND
			.observation(null, new DefaultCloudEventSendObservationConvention(), () -> context, this.registry)
			.start();
		context.attemptStarted();
		context.attemptStarted();
		context.setStatus(202);
		observation.stop();
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.send")
			.that()
			.hasContextualNameEqualTo("send com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_spec_version", "1.0")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasLowCardinalityKeyValue("cloudevents.binding", "http")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "202")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "1")
			.hasHighCardinalityKeyValue("cloudevents.event_source", "/orders")
			.hasHighCardinalityKeyValue("cloudevents.delivery.attempts", "2")
			.doesNotHaveHighCardinalityKeyValueWithKey("cloudevents.event_subject");
	}

	@Test
	void failedDeliveryIsAServerErrorOrAnErrorWithoutStatus() {
		CloudEventSendContext answered = new CloudEventSendContext(List.of(event(null)), ContentMode.BINARY, "http",
				"http://localhost/", false);
		answered.setStatus(503);
		answered.setError(new IllegalStateException("503"));
		CloudEventSendContext unanswered = new CloudEventSendContext(List.of(event(null)), ContentMode.BINARY, "kafka",
				"orders", false);
		unanswered.setError(new IllegalStateException("refused"));
		DefaultCloudEventSendObservationConvention convention = new DefaultCloudEventSendObservationConvention();
		assertThat(convention.getLowCardinalityKeyValues(answered)
			.stream()
			.map((value) -> value.getKey() + "=" + value.getValue())).contains("outcome=SERVER_ERROR", "status=503");
		assertThat(convention.getLowCardinalityKeyValues(unanswered)
			.stream()
			.map((value) -> value.getKey() + "=" + value.getValue()))
			.contains("outcome=ERROR", "status=none", "exception=IllegalStateException", "cloudevents.binding=kafka");
	}

	@Test
	void batchOfSeveralTypesIsMixedWithoutEventIds() {
		CloudEvent other = CloudEvent.builder().id("2").source("/orders").type("com.example.order.shipped").build();
		CloudEventSendContext context = new CloudEventSendContext(List.of(event(null), other), null, "http",
				"http://localhost/", false);
		DefaultCloudEventSendObservationConvention convention = new DefaultCloudEventSendObservationConvention();
		assertThat(convention.getLowCardinalityKeyValues(context)
			.stream()
			.map((value) -> value.getKey() + "=" + value.getValue()))
			.contains("cloudevents.event_type=mixed", "cloudevents.content_mode=batch");
		assertThat(convention.getHighCardinalityKeyValues(context).stream().map((value) -> value.getKey()))
			.containsExactly("cloudevents.delivery.attempts");
		assertThat(convention.getContextualName(context)).isEqualTo("send");
	}

	private CloudEventSendContext send(CloudEvent event, boolean addTraceContext) {
		CloudEventSendContext context = new CloudEventSendContext(List.of(event), ContentMode.BINARY, "http",
				"http://localhost/", addTraceContext);
		CloudEventsObservationDocumentation.SEND
			.observation(null, new DefaultCloudEventSendObservationConvention(), () -> context, this.registry)
			.observe(() -> {
			});
		return context;
	}

	private static CloudEvent event(String traceparent) {
		return CloudEvent.builder()
			.id("1")
			.source("/orders")
			.type("com.example.order.created")
			.extension("traceparent", traceparent)
			.build();
	}

	/**
	 * What a tracer's sender handler does as an observation starts: inject every field of
	 * its propagation format into the carrier.
	 */
	private static final class W3cAndB3Propagation implements ObservationHandler<SenderContext<Object>> {

		@Override
		public void onStart(SenderContext<Object> context) {
			context.getSetter().set(context.getCarrier(), "traceparent", CURRENT);
			context.getSetter().set(context.getCarrier(), "tracestate", "rojo=1");
			context.getSetter().set(context.getCarrier(), "b3", "4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1");
			context.getSetter().set(context.getCarrier(), "baggage", "user=1");
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof SenderContext;
		}

	}

}
