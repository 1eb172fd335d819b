package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.boot.CloudEventTemplate;
import dev.cloudevents.spring.boot.CloudEventsProperties;
import dev.cloudevents.spring.boot.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsAutoConfigurationTests {

	private static final AutoConfigurations configurations = AutoConfigurations.of(CloudEventsAutoConfiguration.class,
			JacksonAutoConfiguration.class, RestClientAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(configurations);

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
	void formatUsesTheApplicationJsonMapper() {
		this.contextRunner.run((context) -> assertThat(context.getBean(JsonEventFormat.class).jsonMapper())
			.isSameAs(context.getBean(JsonMapper.class)));
	}

	@Test
	void formatUsesTheSharedJsonMapperWithoutJacksonAutoConfiguration() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CloudEventsAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(JsonEventFormat.class).jsonMapper())
				.isSameAs(JsonMapper.shared()));
	}

	@Test
	void bindingUsesTheFormatBean() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CloudEventHttpBinding.class).format())
			.isSameAs(context.getBean(JsonEventFormat.class)));
	}

	@Test
	void templatesAreCreatedWithoutBootClientBuilders() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CloudEventsAutoConfiguration.class))
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
	void applicationBeansWin() {
		this.contextRunner.withUserConfiguration(ApplicationBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(JsonEventFormat.class)
				.hasSingleBean(CloudEventHttpBinding.class)
				.hasSingleBean(CloudEventTemplate.class)
				.hasSingleBean(ReactiveCloudEventTemplate.class);
			assertThat(context.getBean(JsonEventFormat.class)).isSameAs(ApplicationBeans.format);
			assertThat(context.getBean(CloudEventHttpBinding.class)).isSameAs(ApplicationBeans.binding);
			assertThat(context.getBean(CloudEventTemplate.class)).isSameAs(ApplicationBeans.template);
			assertThat(context.getBean(ReactiveCloudEventTemplate.class)).isSameAs(ApplicationBeans.reactiveTemplate);
		});
	}

	@Test
	void propertiesHaveDefaults() {
		this.contextRunner.run((context) -> {
			CloudEventsProperties properties = context.getBean(CloudEventsProperties.class);
			assertThat(properties.getSource()).isNull();
			assertThat(properties.getHttp().getContentMode()).isEqualTo(ContentMode.BINARY);
			assertThat(properties.getHttp().getSink()).isNull();
			assertThat(properties.getHttp().getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
		});
	}

	@Test
	void propertiesAreBound() {
		this.contextRunner
			.withPropertyValues("cloudevents.source=https://example.com/orders",
					"cloudevents.http.content-mode=structured", "cloudevents.http.sink=http://broker.example/default",
					"cloudevents.http.max-body-size=64KB")
			.run((context) -> {
				CloudEventsProperties properties = context.getBean(CloudEventsProperties.class);
				assertThat(properties.getSource()).isEqualTo(URI.create("https://example.com/orders"));
				assertThat(properties.getHttp().getContentMode()).isEqualTo(ContentMode.STRUCTURED);
				assertThat(properties.getHttp().getSink()).isEqualTo(URI.create("http://broker.example/default"));
				assertThat(properties.getHttp().getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
			});
	}

	@Test
	void contentModeIsBoundCaseInsensitively() {
		this.contextRunner.withPropertyValues("cloudevents.http.content-mode=STRUCTURED")
			.run((context) -> assertThat(context.getBean(CloudEventsProperties.class).getHttp().getContentMode())
				.isEqualTo(ContentMode.STRUCTURED));
	}

	@Test
	void emptySinkMeansNoSink() {
		this.contextRunner.withPropertyValues("cloudevents.http.sink=${K_SINK:}")
			.run((context) -> assertThat(context.getBean(CloudEventsProperties.class).getHttp().getSink()).isNull());
	}

	@Test
	void relativeSinkFailsTheStartup() {
		this.contextRunner.withPropertyValues("cloudevents.http.sink=/events")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("not an absolute URI"));
	}

	@Test
	void invalidContentModeFailsTheStartup() {
		this.contextRunner.withPropertyValues("cloudevents.http.content-mode=banana")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void sourceDefaultsToTheApplicationName() {
		assertThat(CloudEventsAutoConfiguration.source(new CloudEventsProperties(),
				new MockEnvironment().withProperty("spring.application.name", "order service")))
			.isEqualTo(URI.create("/order%20service"));
	}

	@Test
	void sourceDefaultsToApplicationWithoutAnApplicationName() {
		assertThat(CloudEventsAutoConfiguration.source(new CloudEventsProperties(), new MockEnvironment()))
			.isEqualTo(URI.create("/application"));
	}

	@Test
	void configuredSourceWinsOverTheApplicationName() {
		CloudEventsProperties properties = new CloudEventsProperties();
		properties.setSource(URI.create("https://example.com/orders"));
		assertThat(CloudEventsAutoConfiguration.source(properties,
				new MockEnvironment().withProperty("spring.application.name", "orders")))
			.isEqualTo(URI.create("https://example.com/orders"));
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationBeans {

		static final JsonEventFormat format = new JsonEventFormat();

		static final CloudEventHttpBinding binding = new CloudEventHttpBinding(format);

		static final CloudEventTemplate template = new CloudEventTemplate(RestClient.create(), binding,
				ContentMode.STRUCTURED, URI.create("/test"), null);

		static final ReactiveCloudEventTemplate reactiveTemplate = new ReactiveCloudEventTemplate(WebClient.create(),
				binding, ContentMode.STRUCTURED, URI.create("/test"), null);

		@Bean
		JsonEventFormat applicationFormat() {
			return format;
		}

		@Bean
		CloudEventHttpBinding applicationBinding() {
			return binding;
		}

		@Bean
		CloudEventTemplate applicationTemplate() {
			return template;
		}

		@Bean
		ReactiveCloudEventTemplate applicationReactiveTemplate() {
			return reactiveTemplate;
		}

	}

}
