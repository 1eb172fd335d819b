package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.boot.CloudEventTemplateCustomizer;
import dev.cloudevents.spring.boot.ReactiveCloudEventTemplateCustomizer;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsClientAutoConfigurationTests {

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
	void nonWebApplicationGetsTheFormatTheBindingAndBothTemplates() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(JsonEventFormat.class)
			.hasSingleBean(CloudEventHttpBinding.class)
			.hasSingleBean(CloudEventsProperties.class)
			.hasSingleBean(CloudEventTemplate.class)
			.hasSingleBean(ReactiveCloudEventTemplate.class));
	}

	@Test
	void servletApplicationGetsBothTemplates() {
		new WebApplicationContextRunner().withConfiguration(configurations)
			.run((context) -> assertThat(context).hasSingleBean(CloudEventTemplate.class)
				.hasSingleBean(ReactiveCloudEventTemplate.class));
	}

	@Test
	void reactiveApplicationGetsBothTemplates() {
		new ReactiveWebApplicationContextRunner().withConfiguration(configurations)
			.run((context) -> assertThat(context).hasSingleBean(CloudEventTemplate.class)
				.hasSingleBean(ReactiveCloudEventTemplate.class));
	}

	@Test
	void templatesAreCreatedWithoutBootClientBuilders() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CloudEventsAutoConfiguration.class,
					CloudEventsWebMvcAutoConfiguration.class, CloudEventsWebFluxAutoConfiguration.class,
					CloudEventsWebhookAutoConfiguration.class, CloudEventsClientAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(CloudEventTemplate.class)
				.hasSingleBean(ReactiveCloudEventTemplate.class));
	}

	@Test
	void noCloudEventTemplateWithoutRestClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CloudEventTemplate.class)
				.hasSingleBean(ReactiveCloudEventTemplate.class)
				.hasSingleBean(CloudEventHttpBinding.class));
	}

	@Test
	void noReactiveCloudEventTemplateWithoutWebClient() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveCloudEventTemplate.class)
				.hasSingleBean(CloudEventTemplate.class));
	}

	@Test
	void sourceDefaultsToTheApplicationName() {
		assertThat(TemplateProperties.source(new CloudEventsProperties(),
				new MockEnvironment().withProperty("spring.application.name", "order service")))
			.isEqualTo(URI.create("/order%20service"));
	}

	@Test
	void sourceDefaultsToApplicationWithoutAnApplicationName() {
		assertThat(TemplateProperties.source(new CloudEventsProperties(), new MockEnvironment()))
			.isEqualTo(URI.create("/application"));
	}

	@Test
	void configuredSourceWinsOverTheApplicationName() {
		CloudEventsProperties properties = new CloudEventsProperties();
		properties.setSource(URI.create("https://example.com/orders"));
		assertThat(TemplateProperties.source(properties,
				new MockEnvironment().withProperty("spring.application.name", "orders")))
			.isEqualTo(URI.create("https://example.com/orders"));
	}

	@Test
	void restClientOfAServletApplicationHasTheConverterOnce() {
		this.servletContextRunner.run((context) -> assertThat(
				ApplicationWebBeans.converters(context.getBean(RestClient.Builder.class).build()))
			.filteredOn(CloudEventHttpMessageConverter.class::isInstance)
			.containsExactly(context.getBean(CloudEventHttpMessageConverter.class)));
	}

	@Test
	void restClientOfANonWebApplicationHasTheConverterOnce() {
		this.contextRunner.run((context) -> assertThat(
				ApplicationWebBeans.converters(context.getBean(RestClient.Builder.class).build()))
			.filteredOn(CloudEventHttpMessageConverter.class::isInstance)
			.containsExactly(context.getBean(CloudEventHttpMessageConverter.class)));
	}

	@Test
	void restClientOfAReactiveApplicationHasTheConverterOnceAndTheDefaults() {
		this.reactiveContextRunner.run((context) -> {
			List<Object> converters = ApplicationWebBeans.converters(context.getBean(RestClient.Builder.class).build());
			assertThat(converters).filteredOn(CloudEventHttpMessageConverter.class::isInstance)
				.containsExactly(context.getBean(CloudEventHttpMessageConverter.class));
			assertThat(converters).hasAtLeastOneElementOfType(StringHttpMessageConverter.class);
		});
	}

	@Test
	void restTemplateOfAServletApplicationHasTheConverterOnce() {
		this.servletContextRunner
			.run((context) -> assertThat(context.getBean(RestTemplateBuilder.class).build().getMessageConverters())
				.filteredOn(CloudEventHttpMessageConverter.class::isInstance)
				.containsExactly(context.getBean(CloudEventHttpMessageConverter.class)));
	}

	@Test
	void restTemplateCustomizerOfAReactiveApplicationAddsTheConverterOnce() {
		this.reactiveContextRunner.run((context) -> {
			RestTemplate restTemplate = new RestTemplateBuilder(context.getBean(RestTemplateCustomizer.class)).build();
			context.getBean(RestTemplateCustomizer.class).customize(restTemplate);
			List<HttpMessageConverter<?>> converters = restTemplate.getMessageConverters();
			assertThat(converters).filteredOn(CloudEventHttpMessageConverter.class::isInstance)
				.containsExactly(context.getBean(CloudEventHttpMessageConverter.class));
			assertThat(converters).hasAtLeastOneElementOfType(StringHttpMessageConverter.class);
		});
	}

	@Test
	void noRestClientCustomizerWithoutRestClient() {
		this.reactiveContextRunner.withClassLoader(new FilteredClassLoader(RestClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean("cloudEventRestClientCustomizer")
				.hasSingleBean(RestTemplateCustomizer.class)
				.hasSingleBean(dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver.class));
	}

	@Test
	void customizersAreAppliedToTheTemplatesInOrder() {
		List<Object> customized = new ArrayList<>();
		this.contextRunner
			.withBean("second", CloudEventTemplateCustomizer.class, () -> customized::add,
					(definition) -> definition.setAttribute("order", 2))
			.withBean(ReactiveCloudEventTemplateCustomizer.class, () -> customized::add)
			.run((context) -> assertThat(customized).containsExactlyInAnyOrder(
					context.getBean(CloudEventTemplate.class), context.getBean(ReactiveCloudEventTemplate.class)));
	}

}
