package dev.cloudevents.spring.boot.autoconfigure;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.mvc.CloudEventExceptionHandler;
import dev.cloudevents.spring.mvc.CloudEventResponseBodyAdvice;
import dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler;

@Configuration(proxyBeanMethods = false)
class ApplicationWebBeans {

	static final CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(
			new CloudEventHttpBinding());

	static final dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver mvcResolver = new dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver(
			converter);

	static final CloudEventResponseBodyAdvice advice = new CloudEventResponseBodyAdvice(new CloudEventHttpBinding());

	static final CloudEventExceptionHandler exceptionHandler = new CloudEventExceptionHandler();

	static final dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver reactiveResolver = new dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver(
			new CloudEventHttpMessageReader(new CloudEventHttpBinding()));

	static final CloudEventWebExceptionHandler webExceptionHandler = new CloudEventWebExceptionHandler(List.of());

	@Bean
	CloudEventHttpMessageConverter applicationConverter() {
		return converter;
	}

	@Bean
	dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver applicationMvcResolver() {
		return mvcResolver;
	}

	@Bean
	CloudEventResponseBodyAdvice applicationAdvice() {
		return advice;
	}

	@Bean
	CloudEventExceptionHandler applicationExceptionHandler() {
		return exceptionHandler;
	}

	@Bean
	dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver applicationReactiveResolver() {
		return reactiveResolver;
	}

	@Bean
	CloudEventWebExceptionHandler applicationWebExceptionHandler() {
		return webExceptionHandler;
	}

	@SuppressWarnings("unchecked")
	static List<Object> converters(RestClient restClient) {
		return (List<Object>) ReflectionTestUtils.getField(restClient, "messageConverters");
	}

}
