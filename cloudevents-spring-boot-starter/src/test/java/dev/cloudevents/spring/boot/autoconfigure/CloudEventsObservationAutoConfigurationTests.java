package dev.cloudevents.spring.boot.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.client.CloudEventConnectionException;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.observation.CloudEventSendContext;
import dev.cloudevents.spring.observation.DefaultCloudEventSendObservationConvention;
import dev.cloudevents.spring.webflux.CloudEventObservationWebFilter;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventsObservationAutoConfigurationTests {

	private static final AutoConfigurations configurations = AutoConfigurations.of(CloudEventsAutoConfiguration.class,
			CloudEventsWebMvcAutoConfiguration.class, CloudEventsWebFluxAutoConfiguration.class,
			CloudEventsClientAutoConfiguration.class, CloudEventsObservationAutoConfiguration.class,
			JacksonAutoConfiguration.class, RestClientAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(configurations)
		.withPropertyValues("cloudevents.http.retry.max-attempts=1");

	@Test
	void withoutARegistryNothingIsObserved() {
		new WebApplicationContextRunner().withConfiguration(configurations)
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(CloudEventTemplate.class)
				.doesNotHaveBean("cloudEventObservationWebMvcConfigurer")
				.doesNotHaveBean("cloudEventTemplateObservationCustomizer")
				.doesNotHaveBean(EventLinkingTracingObservationHandler.class));
	}

	@Test
	void templatesObserveWithTheApplicationsRegistry() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create).run((context) -> {
			TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
			URI target = closedPort();
			CloudEvent event = CloudEvent.builder().source("/s").type("t").build();
			assertThatExceptionOfType(CloudEventConnectionException.class)
				.isThrownBy(() -> context.getBean(CloudEventTemplate.class).send(target, event));
			assertThatExceptionOfType(CloudEventConnectionException.class)
				.isThrownBy(() -> context.getBean(ReactiveCloudEventTemplate.class).send(target, event).block());
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("cloudevents.send", 2);
		});
	}

	@Test
	void conventionBeanReplacesTheDefaultOne() {
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(DefaultCloudEventSendObservationConvention.class,
					() -> new DefaultCloudEventSendObservationConvention() {

						@Override
						public String getContextualName(CloudEventSendContext context) {
							return "custom";
						}

					})
			.run((context) -> {
				CloudEvent event = CloudEvent.builder().source("/s").type("t").build();
				URI target = closedPort();
				assertThatExceptionOfType(CloudEventConnectionException.class).isThrownBy(
						() -> context.getBean(CloudEventTemplate.class).send(target, event, ContentMode.BINARY));
				assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("cloudevents.send")
					.that()
					.hasContextualNameEqualTo("custom");
			});
	}

	@Test
	void springMvcHandlersAreObservedThroughAnInterceptor() {
		new WebApplicationContextRunner().withConfiguration(configurations)
			.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasBean("cloudEventObservationWebMvcConfigurer")
				.doesNotHaveBean(CloudEventObservationWebFilter.class));
	}

	@Test
	void webFluxHandlersAreObservedThroughAWebFilter() {
		new ReactiveWebApplicationContextRunner().withConfiguration(configurations)
			.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class))
			.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasSingleBean(CloudEventObservationWebFilter.class)
				.doesNotHaveBean("cloudEventObservationWebMvcConfigurer"));
	}

	@Test
	void tracerGetsTheHandlerThatLinksEventsToTheirTrace() {
		this.contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean(Tracer.class, () -> Tracer.NOOP)
			.run((context) -> assertThat(context).hasSingleBean(EventLinkingTracingObservationHandler.class));
	}

	@Test
	void withoutMicrometerTracingThereIsNoLinkingHandler() {
		this.contextRunner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EventLinkingTracingObservationHandler.class));
	}

	private static URI closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://localhost:" + socket.getLocalPort() + "/");
		}
	}

}
