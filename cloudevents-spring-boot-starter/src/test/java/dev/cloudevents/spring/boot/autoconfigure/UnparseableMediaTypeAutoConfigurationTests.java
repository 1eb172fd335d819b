package dev.cloudevents.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.cloudevents.spring.workaround.UnparseableMediaTypeFilter;
import dev.cloudevents.spring.workaround.UnparseableMediaTypeWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

class UnparseableMediaTypeAutoConfigurationTests {

	private static final AutoConfigurations configurations = AutoConfigurations.of(CloudEventsAutoConfiguration.class,
			CloudEventsWebMvcAutoConfiguration.class, CloudEventsWebFluxAutoConfiguration.class,
			CloudEventsWebhookAutoConfiguration.class, CloudEventsClientAutoConfiguration.class,
			UnparseableMediaTypeAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, CodecsAutoConfiguration.class,
			RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(configurations);

	private final WebApplicationContextRunner servletContextRunner = new WebApplicationContextRunner()
		.withConfiguration(configurations)
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(configurations)
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class));

	@Test
	void eachWebStackGetsItsGuardAgainstMediaTypesSpringFailsToParse() {
		assertThat(new UnparseableMediaTypeAutoConfiguration.OnParserDefectCondition().getMatchOutcome(null, null)
			.isMatch()).isTrue();
		this.servletContextRunner.run((context) -> assertThat(context).hasSingleBean(UnparseableMediaTypeFilter.class)
			.doesNotHaveBean(UnparseableMediaTypeWebFilter.class));
		this.reactiveContextRunner
			.run((context) -> assertThat(context).hasSingleBean(UnparseableMediaTypeWebFilter.class)
				.doesNotHaveBean(UnparseableMediaTypeFilter.class));
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(UnparseableMediaTypeFilter.class)
			.doesNotHaveBean(UnparseableMediaTypeWebFilter.class));
	}

}
