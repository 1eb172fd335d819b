package dev.cloudevents.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.mvc.CloudEventExceptionHandler;
import dev.cloudevents.spring.mvc.CloudEventResponseBodyAdvice;
import dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsWebMvcAutoConfigurationTests {

	private static final AutoConfigurations configurations = AutoConfigurations.of(CloudEventsAutoConfiguration.class,
			CloudEventsWebMvcAutoConfiguration.class, CloudEventsWebFluxAutoConfiguration.class,
			CloudEventsWebhookAutoConfiguration.class, CloudEventsClientAutoConfiguration.class,
			UnparseableMediaTypeAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, CodecsAutoConfiguration.class,
			RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final WebApplicationContextRunner servletContextRunner = new WebApplicationContextRunner()
		.withConfiguration(configurations)
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class));

	@Test
	void servletApplicationGetsTheConverterTheArgumentResolverAndTheAdvices() {
		this.servletContextRunner.run((context) -> {
			assertThat(context).hasSingleBean(CloudEventHttpMessageConverter.class)
				.hasSingleBean(dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver.class)
				.hasSingleBean(CloudEventResponseBodyAdvice.class)
				.hasSingleBean(CloudEventExceptionHandler.class)
				.hasBean("cloudEventWebMvcConfigurer")
				.hasBean("cloudEventCodecCustomizer")
				.doesNotHaveBean(dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver.class)
				.doesNotHaveBean(CloudEventWebExceptionHandler.class)
				.doesNotHaveBean("cloudEventRestClientCustomizer")
				.doesNotHaveBean(RestTemplateCustomizer.class);
			assertThat(context.getBean("cloudEventWebMvcConfigurer")).isInstanceOf(WebMvcConfigurer.class);
		});
	}

	@Test
	void noMvcBeansWithoutSpringWebMvc() {
		this.servletContextRunner.withClassLoader(new FilteredClassLoader(WebMvcConfigurer.class))
			.run((context) -> assertThat(context).hasSingleBean(CloudEventHttpMessageConverter.class)
				.hasSingleBean(CloudEventTemplate.class)
				.doesNotHaveBean(dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver.class)
				.doesNotHaveBean(CloudEventResponseBodyAdvice.class)
				.doesNotHaveBean(CloudEventExceptionHandler.class));
	}

	@Test
	void servletApplicationWithoutWebClientKeepsTheMvcWiring() {
		this.servletContextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveCloudEventTemplate.class)
				.hasSingleBean(CloudEventHttpMessageConverter.class)
				.hasSingleBean(dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver.class)
				.hasSingleBean(CloudEventExceptionHandler.class));
	}

	@Test
	void applicationWebBeansWinInAServletApplication() {
		this.servletContextRunner.withUserConfiguration(ApplicationWebBeans.class).run((context) -> {
			assertThat(context.getBean(CloudEventHttpMessageConverter.class)).isSameAs(ApplicationWebBeans.converter);
			assertThat(context.getBean(dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver.class))
				.isSameAs(ApplicationWebBeans.mvcResolver);
			assertThat(context.getBean(CloudEventResponseBodyAdvice.class)).isSameAs(ApplicationWebBeans.advice);
			assertThat(context.getBean(CloudEventExceptionHandler.class))
				.isSameAs(ApplicationWebBeans.exceptionHandler);
		});
	}

	@Test
	void routesByEventTypeThroughItsRequestMapping() {
		this.servletContextRunner.run((context) -> assertThat(context.getBean("requestMappingHandlerMapping"))
			.isInstanceOf(dev.cloudevents.spring.mvc.CloudEventRequestMappingHandlerMapping.class));
	}

	@Test
	void registrationsOfTheApplicationTakeOverTheRequestMapping() {
		this.servletContextRunner.withBean(WebMvcRegistrations.class, () -> new WebMvcRegistrations() {
		})
			.run((context) -> assertThat(context.getBean("requestMappingHandlerMapping"))
				.isNotInstanceOf(dev.cloudevents.spring.mvc.CloudEventRequestMappingHandlerMapping.class));
	}

	@Test
	void routedMethodsFailTheStartUpWhenTheApplicationsRegistrationsDoNotRoute() {
		this.servletContextRunner.withBean(WebMvcRegistrations.class, () -> new WebMvcRegistrations() {
		})
			.withUserConfiguration(RoutedController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContainingAll("@CloudEventMapping on", "RoutedController#created()", "WebMvcRegistrations"));
	}

}
