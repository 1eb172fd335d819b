package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver;
import dev.cloudevents.spring.webflux.CloudEventRequestMappingHandlerMapping;
import dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for receiving CloudEvents in Spring WebFlux: {@code CloudEvent},
 * {@code Mono}, {@code Flux} and {@code @CloudEventData} handler method arguments,
 * problem responses for invalid events, and routing by
 * {@link dev.cloudevents.spring.annotation.CloudEventMapping @CloudEventMapping} through
 * a {@link CloudEventRequestMappingHandlerMapping}. The codecs come from
 * {@link CloudEventsAutoConfiguration}.
 */
@AutoConfiguration(after = CloudEventsAutoConfiguration.class,
		beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration")
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass({ WebFluxConfigurer.class, CodecCustomizer.class })
public final class CloudEventsWebFluxAutoConfiguration {

	// Boot's WebFlux auto-configuration adds argument resolver beans to WebFlux
	@Bean
	@ConditionalOnMissingBean
	CloudEventMethodArgumentResolver reactiveCloudEventMethodArgumentResolver(CloudEventHttpBinding binding,
			CloudEventsProperties properties) {
		return new CloudEventMethodArgumentResolver(CloudEventsAutoConfiguration.reader(binding, properties));
	}

	// an application with registrations of its own returns the mapping from them
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebFluxRegistrations.class)
	static class RoutingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebFluxRegistrations cloudEventWebFluxRegistrations(CloudEventHttpBinding binding,
				CloudEventsProperties properties) {
			CloudEventHttpMessageReader reader = CloudEventsAutoConfiguration.reader(binding, properties);
			return new WebFluxRegistrations() {

				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new CloudEventRequestMappingHandlerMapping(reader);
				}

			};
		}

		@Bean
		static SmartInitializingSingleton cloudEventMappingCheck(
				ObjectProvider<RequestMappingHandlerMapping> requestMappings) {
			return CloudEventMappingCheck.afterSingletons(requestMappings, CloudEventRequestMappingHandlerMapping.class,
					RequestMappingHandlerMapping::getHandlerMethods, "WebFluxRegistrations");
		}

	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventWebExceptionHandler cloudEventWebExceptionHandler(
			ObjectProvider<ServerCodecConfigurer> serverCodecConfigurer) {
		return new CloudEventWebExceptionHandler(
				serverCodecConfigurer.getIfAvailable(ServerCodecConfigurer::create).getWriters());
	}

}
