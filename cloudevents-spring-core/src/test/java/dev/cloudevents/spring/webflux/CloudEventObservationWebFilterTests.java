package dev.cloudevents.spring.webflux;

import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.MockServerConfigurer;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.WebFluxConfigurationSupport;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.CloudEventRequestException;
import dev.cloudevents.spring.web.TestEvents;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;

class CloudEventObservationWebFilterTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private WebTestClient client;

	@BeforeEach
	void setUp() {
		CloudEventHttpBinding binding = new CloudEventHttpBinding(new JsonEventFormat(JsonMapper.builder().build()));
		CloudEventHttpMessageReader reader = new CloudEventHttpMessageReader(binding);
		this.client = WebTestClient.bindToController(new ObservedController())
			.argumentResolvers((resolvers) -> resolvers.addCustomResolver(new CloudEventMethodArgumentResolver(reader)))
			.webFilter(new CloudEventObservationWebFilter(this.registry, binding))
			.apply(new ServerObservation(this.registry))
			.build();
	}

	@Test
	void eventRoutedByTypeIsObservedWithItsKeyValues() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(TestObservationRegistry.class, () -> this.registry);
			context.register(RoutingConfiguration.class);
			context.refresh();
			WebTestClient.bindToApplicationContext(context)
				.build()
				.post()
				.uri("/routed")
				.contentType(JsonEventFormat.MEDIA_TYPE)
				.bodyValue(TestEvents.STRUCTURED_1_0)
				.exchange()
				.expectStatus()
				.isAccepted();
		}
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "s-1");
	}

	@Test
	void binaryEventIsObservedAsChildOfTheServerWithItsKeyValues() {
		binary("/event", "w-1").exchange().expectStatus().isAccepted();
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasBeenStopped()
			.doesNotHaveError()
			.hasContextualNameEqualTo("receive com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "com.example.order.created")
			.hasLowCardinalityKeyValue("cloudevents.event_spec_version", "1.0")
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "binary")
			.hasLowCardinalityKeyValue("cloudevents.binding", "http")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", "202")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "w-1")
			.hasHighCardinalityKeyValue("cloudevents.event_source", "https://example.com/orders")
			.hasParentObservationContextMatching((parent) -> "http.server.requests".equals(parent.getName()));
	}

	@Test
	void monoOfStructuredEventIsObserved() {
		this.client.post()
			.uri("/mono")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.bodyValue(TestEvents.STRUCTURED_1_0)
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "structured")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "s-1");
	}

	@Test
	void batchIsOneObservation() {
		this.client.post()
			.uri("/batch")
			.contentType(JsonEventFormat.BATCH_MEDIA_TYPE)
			.bodyValue(TestEvents.BATCH)
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.receive", 1)
			.hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasLowCardinalityKeyValue("cloudevents.content_mode", "batch")
			.hasLowCardinalityKeyValue("cloudevents.event_type", "t");
	}

	@Test
	void rejectedEventIsObservedWithItsError() {
		this.client.post()
			.uri("/event")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-type", "t")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "REJECTED")
			.hasLowCardinalityKeyValue("status", "400")
			.hasLowCardinalityKeyValue("exception", CloudEventRequestException.class.getSimpleName());
	}

	@Test
	void failingHandlerIsObservedWithItsError() {
		binary("/conflict", "c-1").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
		assertThat(this.registry).hasObservationWithNameEqualTo("cloudevents.receive")
			.that()
			.hasError()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("status", "409")
			.hasHighCardinalityKeyValue("cloudevents.event_id", "c-1");
	}

	@Test
	void handlerWithoutEventParametersIsNotObserved() {
		this.client.post()
			.uri("/plain")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("x")
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.receive", 0);
	}

	private WebTestClient.RequestBodySpec binary(String path, String id) {
		return (WebTestClient.RequestBodySpec) this.client.post()
			.uri(path)
			.header("ce-specversion", "1.0")
			.header("ce-id", id)
			.header("ce-source", "https://example.com/orders")
			.header("ce-type", "com.example.order.created")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TestEvents.ORDER_JSON);
	}

	/**
	 * The server observation and the exception handler, as Boot sets them up.
	 */
	private record ServerObservation(TestObservationRegistry registry) implements MockServerConfigurer {

		@Override
		public void beforeServerCreated(WebHttpHandlerBuilder builder) {
			builder.observationRegistry(this.registry)
				.exceptionHandler(new CloudEventWebExceptionHandler(ServerCodecConfigurer.create().getWriters()));
		}

	}

	// routing without Spring Boot: the mapping from WebFluxConfigurationSupport
	@Configuration(proxyBeanMethods = false)
	static class RoutingConfiguration extends WebFluxConfigurationSupport {

		private final CloudEventHttpMessageReader reader = new CloudEventHttpMessageReader(
				new CloudEventHttpBinding(new JsonEventFormat(JsonMapper.builder().build())));

		@Override
		protected RequestMappingHandlerMapping createRequestMappingHandlerMapping() {
			return new CloudEventRequestMappingHandlerMapping(this.reader);
		}

		@Override
		protected void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
			configurer.addCustomResolver(new CloudEventMethodArgumentResolver(this.reader));
		}

		@Bean
		CloudEventObservationWebFilter cloudEventObservationWebFilter(TestObservationRegistry registry) {
			return new CloudEventObservationWebFilter(registry, this.reader.getBinding());
		}

		@Bean
		ObservedController observedController() {
			return new ObservedController();
		}

	}

	@RestController
	static class ObservedController {

		@PostMapping("/routed")
		@CloudEventMapping(type = "com.example.order.created")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void routed(CloudEvent event) {
		}

		@PostMapping("/event")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void event(CloudEvent event) {
		}

		@PostMapping("/mono")
		@ResponseStatus(HttpStatus.ACCEPTED)
		Mono<Void> mono(Mono<CloudEvent> event) {
			return event.then();
		}

		@PostMapping("/batch")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void batch(List<CloudEvent> events) {
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
