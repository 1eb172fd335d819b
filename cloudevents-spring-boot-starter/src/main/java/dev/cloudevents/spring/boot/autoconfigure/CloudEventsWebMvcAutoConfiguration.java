package dev.cloudevents.spring.boot.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.mvc.CloudEventExceptionHandler;
import dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver;
import dev.cloudevents.spring.mvc.CloudEventRequestBodyAdvice;
import dev.cloudevents.spring.mvc.CloudEventRequestMappingHandlerMapping;
import dev.cloudevents.spring.mvc.CloudEventResponseBodyAdvice;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for receiving CloudEvents in Spring MVC: {@code CloudEvent} and
 * {@code @CloudEventData} handler method arguments, reply events in the request's content
 * mode, problem responses for invalid events, and routing by
 * {@link dev.cloudevents.spring.annotation.CloudEventMapping @CloudEventMapping} through
 * a {@link CloudEventRequestMappingHandlerMapping}.
 */
@AutoConfiguration(after = CloudEventsAutoConfiguration.class,
		beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
public final class CloudEventsWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudEventMethodArgumentResolver cloudEventMethodArgumentResolver(CloudEventHttpMessageConverter converter) {
		return new CloudEventMethodArgumentResolver(converter);
	}

	@Bean
	WebMvcConfigurer cloudEventWebMvcConfigurer(CloudEventMethodArgumentResolver argumentResolver) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(argumentResolver);
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventResponseBodyAdvice cloudEventResponseBodyAdvice(CloudEventHttpBinding binding) {
		return new CloudEventResponseBodyAdvice(binding);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventRequestBodyAdvice cloudEventRequestBodyAdvice(CloudEventHttpMessageConverter converter) {
		return new CloudEventRequestBodyAdvice(converter);
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventExceptionHandler cloudEventExceptionHandler() {
		return new CloudEventExceptionHandler();
	}

	// an application with registrations of its own returns the mapping from them
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebMvcRegistrations.class)
	static class RoutingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		WebMvcRegistrations cloudEventWebMvcRegistrations(CloudEventHttpMessageConverter converter) {
			return new WebMvcRegistrations() {

				@Override
				public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
					return new CloudEventRequestMappingHandlerMapping(converter);
				}

			};
		}

		@Bean
		static SmartInitializingSingleton cloudEventMappingCheck(
				ObjectProvider<RequestMappingHandlerMapping> requestMappings) {
			return CloudEventMappingCheck.afterSingletons(requestMappings, CloudEventRequestMappingHandlerMapping.class,
					RequestMappingHandlerMapping::getHandlerMethods, "WebMvcRegistrations");
		}

	}

}
