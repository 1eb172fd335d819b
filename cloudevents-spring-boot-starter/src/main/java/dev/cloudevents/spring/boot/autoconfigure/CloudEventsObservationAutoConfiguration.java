package dev.cloudevents.spring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cloudevents.spring.boot.CloudEventTemplateCustomizer;
import dev.cloudevents.spring.boot.ReactiveCloudEventTemplateCustomizer;
import dev.cloudevents.spring.client.CloudEventTemplateSupport;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.mvc.CloudEventObservationInterceptor;
import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.CloudEventSendObservationConvention;
import dev.cloudevents.spring.webflux.CloudEventObservationWebFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for observing CloudEvents with the application's
 * {@link ObservationRegistry}: {@code cloudevents.send} on both templates (with the
 * distributed-tracing extension when {@code cloudevents.tracing.extension=true}),
 * {@code cloudevents.receive} on Spring MVC and WebFlux handler methods that take events,
 * and, with Micrometer Tracing, links from a received event's span to the trace its
 * {@code traceparent} extension names. {@link CloudEventSendObservationConvention} and
 * {@link CloudEventReceiveObservationConvention} beans replace the default conventions.
 * Without a registry nothing is registered and nothing observed.
 */
@AutoConfiguration(after = CloudEventsAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration" })
@ConditionalOnBean(ObservationRegistry.class)
public final class CloudEventsObservationAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class CloudEventTemplateObservationConfiguration {

		@Bean
		CloudEventTemplateCustomizer cloudEventTemplateObservationCustomizer(ObservationRegistry registry,
				ObjectProvider<CloudEventSendObservationConvention> convention, CloudEventsProperties properties) {
			return (template) -> observe(template, registry, convention, properties);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class ReactiveCloudEventTemplateObservationConfiguration {

		@Bean
		ReactiveCloudEventTemplateCustomizer reactiveCloudEventTemplateObservationCustomizer(
				ObservationRegistry registry, ObjectProvider<CloudEventSendObservationConvention> convention,
				CloudEventsProperties properties) {
			return (template) -> observe(template, registry, convention, properties);
		}

	}

	private static void observe(CloudEventTemplateSupport template, ObservationRegistry registry,
			ObjectProvider<CloudEventSendObservationConvention> convention, CloudEventsProperties properties) {
		template.setObservationRegistry(registry);
		convention.ifAvailable(template::setObservationConvention);
		template.setTraceContextExtension(properties.getTracing().isExtension());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class WebMvcObservationConfiguration {

		@Bean
		WebMvcConfigurer cloudEventObservationWebMvcConfigurer(ObservationRegistry registry,
				CloudEventHttpBinding binding, ObjectProvider<CloudEventReceiveObservationConvention> convention) {
			CloudEventObservationInterceptor interceptor = new CloudEventObservationInterceptor(registry, binding);
			convention.ifAvailable(interceptor::setObservationConvention);
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry interceptors) {
					interceptors.addInterceptor(interceptor);
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class WebFluxObservationConfiguration {

		@Bean
		CloudEventObservationWebFilter cloudEventObservationWebFilter(ObservationRegistry registry,
				CloudEventHttpBinding binding, ObjectProvider<CloudEventReceiveObservationConvention> convention) {
			CloudEventObservationWebFilter filter = new CloudEventObservationWebFilter(registry, binding);
			convention.ifAvailable(filter::setObservationConvention);
			return filter;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DefaultTracingObservationHandler.class)
	@ConditionalOnBean(Tracer.class)
	static class TracingConfiguration {

		// before Micrometer Tracing's default handler (Integer.MAX_VALUE - 1000), which
		// creates every other span
		@Bean
		@Order(0)
		EventLinkingTracingObservationHandler cloudEventLinkingTracingObservationHandler(Tracer tracer) {
			return new EventLinkingTracingObservationHandler(tracer);
		}

	}

}
