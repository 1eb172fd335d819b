package dev.cloudevents.spring.mvc;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.util.unit.DataSize;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Decoded;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.workaround.UnparseableMediaTypeFilter;

/**
 * A Spring MVC application that receives CloudEvents with {@link RecordingController},
 * wired by hand as the starter will: the converter as a bean, the argument resolver
 * through a {@link WebMvcConfigurer}, the request mapping that routes by event type
 * through {@link WebMvcRegistrations}, the two advices, the exception handler and the
 * media-type guard. The converter records what it reads in {@link Decoded}. The body
 * limit is {@value #MAX_BODY_KB} KB.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(RecordingController.class)
public class MvcTestApplication {

	/** Body limit of the converter, in KB. */
	public static final int MAX_BODY_KB = 64;

	@Bean
	Received received() {
		return new Received();
	}

	@Bean
	CloudEventHttpBinding cloudEventHttpBinding(JsonMapper jsonMapper, ObjectProvider<EventLimits> limits) {
		return new CloudEventHttpBinding(new JsonEventFormat(jsonMapper, limits.getIfAvailable(EventLimits::defaults)));
	}

	@Bean
	Decoded decoded() {
		return new Decoded();
	}

	@Bean
	CloudEventHttpMessageConverter cloudEventHttpMessageConverter(CloudEventHttpBinding binding, Decoded decoded) {
		CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(binding) {

			@Override
			public Object read(ResolvableType type, HttpInputMessage inputMessage, @Nullable Map<String, Object> hints)
					throws IOException {
				Object result = super.read(type, inputMessage, hints);
				decoded.record(result);
				return result;
			}

		};
		converter.setMaxBodySize(DataSize.ofKilobytes(MAX_BODY_KB));
		return converter;
	}

	@Bean
	WebMvcRegistrations cloudEventWebMvcRegistrations(CloudEventHttpMessageConverter converter) {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new CloudEventRequestMappingHandlerMapping(converter);
			}

		};
	}

	@Bean
	WebMvcConfigurer cloudEventWebMvcConfigurer(CloudEventHttpMessageConverter converter) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CloudEventMethodArgumentResolver(converter));
			}

		};
	}

	@Bean
	CloudEventResponseBodyAdvice cloudEventResponseBodyAdvice(CloudEventHttpBinding binding) {
		return new CloudEventResponseBodyAdvice(binding);
	}

	@Bean
	CloudEventRequestBodyAdvice cloudEventRequestBodyAdvice(CloudEventHttpMessageConverter converter) {
		return new CloudEventRequestBodyAdvice(converter);
	}

	@Bean
	UnparseableMediaTypeFilter unparseableMediaTypeFilter() {
		return new UnparseableMediaTypeFilter();
	}

	@Bean
	CloudEventExceptionHandler cloudEventExceptionHandler() {
		return new CloudEventExceptionHandler();
	}

}
