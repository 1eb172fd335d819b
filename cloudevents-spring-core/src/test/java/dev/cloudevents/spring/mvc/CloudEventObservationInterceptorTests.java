package dev.cloudevents.spring.mvc;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.server.ResponseStatusException;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.observation.CloudEventReceiveContext;
import dev.cloudevents.spring.web.CloudEventRequestException;
import dev.cloudevents.spring.web.Order;
import dev.cloudevents.spring.web.TestEvents;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class CloudEventObservationInterceptorTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ObservedController controller = new ObservedController(this.registry);

	private MockMvcTester mvc;

	@BeforeEach
	void setUp() {
		CloudEventHttpBinding binding = new CloudEventHttpBinding(new JsonEventFormat(JsonMapper.builder().build()));
		CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(binding);
		this.mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(this.controller)
			.setCustomHandlerMapping(() -> new CloudEventRequestMappingHandlerMapping(converter))
			.setCustomArgumentResolvers(new CloudEventMethodArgumentResolver(converter))
			.setMessageConverters(converter, new StringHttpMessageConverter())
			.setControllerAdvice(new CloudEventRequestBodyAdvice(converter), new CloudEventExceptionHandler())
			.addInterceptors(new CloudEventObservationInterceptor(this.registry, binding))
			.addFilters(new ServerHttpObservationFilter(this.registry))
			.build());
	}

	@Test
	void binaryEventIsObservedAsChildOfTheServerWithItsKeyValues() {
		assertThat(binary("/event", "b-1").exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasContextualNameEqualTo("receive com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_spec_version", "1.0")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "binary")
			.hasLowCardinalityKeyValue("cloudevents.binding", "http")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "202")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "b-1")
			.hasHighCardinalityKeyValue("cloudevents.event_source", "https://example.com/orders")
			.hasHighCardinalityKeyValue("cloudevents.event_subject", "order-42")
			.hasParentObservationContextMatching((parent) -> "http.server.requests".equals(parent.getName()));
	}

	@Test
	void eventsAndTheTracesToLinkAreKnownWhenTheObservationStarts() {
		List<List<String>> linkedAtStart = new ArrayList<>();
		this.registry.observationConfig().observationHandler(new ObservationHandler<CloudEventReceiveContext>() {

			@Override
			public void onStart(CloudEventReceiveContext context) {
				linkedAtStart.add(context.getLinkedTraceparents());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof CloudEventReceiveContext;
			}

		});
		String starting = "00-0af7651916cd43dd8448eb211c80319c-b9c7c989f97918e1-01";
		binary("/event", "l-1").header("ce-traceparent", starting)
			.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
			.exchange();
		assertThat(linkedAtStart).containsExactly(List.of(starting));
	}

	@Test
	void eventRoutedByTypeIsObservedAndItsHandlerRunsInTheObservation() {
		assertThat(this.mvc.post()
			.uri("/routed")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.content(TestEvents.STRUCTURED_1_0)
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "s-1");
		assertThat(this.controller.current).containsExactly("cloudevents.receive");
	}

	@Test
	void handlerRunsWithTheReceiveObservationAsTheCurrentOne() {
		binary("/event", "b-2").exchange();
		assertThat(this.controller.current).containsExactly("cloudevents.receive");
	}

	@Test
	void structuredEventIntoRequestBodyIsObserved() {
		assertThat(this.mvc.post()
			.uri("/body")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.content(TestEvents.STRUCTURED_1_0)
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "s-1");
	}

	@Test
	void batchIsOneObservationWithTheCommonType() {
		assertThat(this.mvc.post()
			.uri("/batch")
			.contentType(JsonEventFormat.BATCH_MEDIA_TYPE)
			.content(TestEvents.BATCH)
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.receive", 1)
			.hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "batch")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "t")
			.doesNotHaveHighCardinalityKeyValueWithKey("cloudevents.event_id");
	}

	@Test
	void rejectedEventIsObservedWithItsError() {
		assertThat(this.mvc.post()
			.uri("/event")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-type", "t")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "REJECTED")
			.hasLowCardinalityKeyValue("status", "400")
			.hasLowCardinalityKeyValue("exception", CloudEventRequestException.class.getSimpleName())
			.hasLowCardinalityKeyValue("cloudevents.event_type", "none");
		assertThat(this.controller.current).isEmpty();
	}

	@Test
	void unroutedEventOnARoutedPathIsObservedWithItsError() {
		assertThat(this.mvc.post()
			.uri("/routed")
			.header("ce-specversion", "1.0")
			.header("ce-id", "u-1")
			.header("ce-source", "/s")
			.header("ce-type", "com.example.invoice.paid")
			.exchange()).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.receive", 1)
			.hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasBeenStopped()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "REJECTED")
			.hasLowCardinalityKeyValue("status", "422")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.invoice.paid")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "binary")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "u-1")
			.hasParentObservationContextMatching((parent) -> "http.server.requests".equals(parent.getName()));
		assertThat(this.controller.current).isEmpty();
	}

	@Test
	void invalidEventOnARoutedPathIsObservedWithItsError() {
		assertThat(this.mvc.post()
			.uri("/routed")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-type", "com.example.order.created")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.receive", 1)
			.hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "REJECTED")
			.hasLowCardinalityKeyValue("status", "400")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "none");
	}

	@Test
	void unreadableDataIsARejection() {
		assertThat(this.mvc.post()
			.uri("/data")
			.header("ce-specversion", "1.0")
			.header("ce-id", "d-1")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"id\":")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasLowCardinalityKeyValue("outcome", "REJECTED")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "d-1");
	}

	@Test
	void failingHandlerIsObservedWithItsError() {
		assertThat(binary("/conflict", "c-1").exchange()).hasStatus(HttpStatus.CONFLICT);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("status", "409")
			.hasLowCardinalityKeyValue("exception", "ResponseStatusException")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "c-1");
	}

	@Test
	void handlerWithoutEventParametersIsNotObserved() {
		assertThat(this.mvc.post().uri("/plain").contentType(MediaType.TEXT_PLAIN).content("x").exchange())
			.hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.receive", 0);
	}

	@Test
	void withTheNoopRegistryNothingIsObservedAndEventsStillArrive() {
		CloudEventHttpBinding binding = new CloudEventHttpBinding(new JsonEventFormat(JsonMapper.builder().build()));
		CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(binding);
		MockMvcTester noop = MockMvcTester.create(MockMvcBuilders.standaloneSetup(this.controller)
			.setCustomArgumentResolvers(new CloudEventMethodArgumentResolver(converter))
			.addInterceptors(new CloudEventObservationInterceptor(ObservationRegistry.NOOP, binding))
			.build());
		assertThat(noop.post()
			.uri("/event")
			.header("ce-specversion", "1.0")
			.header("ce-id", "n-1")
			.header("ce-source", "/s")
			.header("ce-type", "t")
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(this.controller.current).containsExactly("none");
	}

	private MockMvcTester.MockMvcRequestBuilder binary(String path, String id) {
		return this.mvc.post()
			.uri(path)
			.header("ce-specversion", "1.0")
			.header("ce-id", id)
			.header("ce-source", "https://example.com/orders")
			.header("ce-type", "com.example.order.created")
			.header("ce-subject", "order-42")
			.contentType(MediaType.APPLICATION_JSON)
			.content(TestEvents.ORDER_JSON);
	}

	@RestController
	static class ObservedController {

		private final ObservationRegistry registry;

		final List<String> current = new ArrayList<>();

		ObservedController(ObservationRegistry registry) {
			this.registry = registry;
		}

		@PostMapping("/event")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void event(CloudEvent event) {
			Observation observation = this.registry.getCurrentObservation();
			this.current.add((observation != null) ? observation.getContext().getName() : "none");
		}

		@PostMapping("/body")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void body(@RequestBody CloudEvent event) {
		}

		@PostMapping("/routed")
		@CloudEventMapping(type = "com.example.order.created")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void routed(CloudEvent event) {
			Observation observation = this.registry.getCurrentObservation();
			this.current.add((observation != null) ? observation.getContext().getName() : "none");
		}

		@PostMapping("/batch")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void batch(List<CloudEvent> events) {
		}

		@PostMapping("/data")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void data(@CloudEventData Order order) {
		}

		@PostMapping("/conflict")
		void conflict(CloudEvent event) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}

		@PostMapping("/plain")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void plain(@RequestBody String body) {
		}

	}

}
