package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ClientCodecConfigurer;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageWriter;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.mvc.CloudEventExceptionHandler;
import dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsAutoConfigurationTests {

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

	@Test
	void formatUsesTheApplicationJsonMapper() {
		this.contextRunner.run((context) -> assertThat(context.getBean(JsonEventFormat.class).jsonMapper())
			.isSameAs(context.getBean(JsonMapper.class)));
	}

	@Test
	void formatUsesTheSharedJsonMapperWithoutJacksonAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CloudEventsAutoConfiguration.class,
					CloudEventsWebMvcAutoConfiguration.class, CloudEventsWebFluxAutoConfiguration.class,
					CloudEventsWebhookAutoConfiguration.class, CloudEventsClientAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(JsonEventFormat.class).jsonMapper())
				.isSameAs(JsonMapper.shared()));
	}

	@Test
	void bindingUsesTheFormatBean() {
		this.contextRunner.run((context) -> assertThat(context.getBean(CloudEventHttpBinding.class).format())
			.isSameAs(context.getBean(JsonEventFormat.class)));
	}

	@Test
	void formatReadsWithTheDefaultLimits() {
		this.contextRunner.run((context) -> assertThat(context.getBean(JsonEventFormat.class).limits())
			.isEqualTo(EventLimits.defaults()));
	}

	@Test
	void formatReadsWithTheConfiguredLimits() {
		this.contextRunner
			.withPropertyValues("cloudevents.http.max-batch-size=10", "cloudevents.http.max-extensions=0",
					"cloudevents.http.json.max-nesting-depth=16", "cloudevents.http.json.max-string-length=2000",
					"cloudevents.http.json.max-number-length=30")
			.run((context) -> assertThat(context.getBean(JsonEventFormat.class).limits())
				.isEqualTo(EventLimits.defaults()
					.withMaxBatchSize(10)
					.withMaxExtensions(0)
					.withMaxNestingDepth(16)
					.withMaxStringLength(2000)
					.withMaxNumberLength(30)));
	}

	@Test
	void formatLimitsLeaveTheApplicationJsonMapperAsItIs() {
		this.contextRunner.withPropertyValues("cloudevents.http.json.max-string-length=10")
			.run((context) -> assertThat(
					context.getBean(JsonMapper.class).tokenStreamFactory().streamReadConstraints().getMaxStringLength())
				.isGreaterThan(10));
	}

	@Test
	void propertiesHaveDefaults() {
		this.contextRunner.run((context) -> {
			CloudEventsProperties properties = context.getBean(CloudEventsProperties.class);
			assertThat(properties.getSource()).isNull();
			assertThat(properties.getHttp().getContentMode()).isEqualTo(ContentMode.BINARY);
			assertThat(properties.getHttp().getSink()).isNull();
			assertThat(properties.getHttp().getMaxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
			assertThat(properties.getHttp().getConnectTimeout()).isNull();
			assertThat(properties.getHttp().getReadTimeout()).isNull();
			CloudEventsProperties.Retry retry = properties.getHttp().getRetry();
			assertThat(retry.getMaxAttempts()).isEqualTo(3);
			assertThat(retry.getInitialInterval()).isEqualTo(Duration.ofMillis(200));
			assertThat(retry.getMultiplier()).isEqualTo(2.0);
			assertThat(retry.getMaxInterval()).isEqualTo(Duration.ofSeconds(5));
			assertThat(retry.getJitter()).isEqualTo(0.5);
			assertThat(retry.getMaxRetryAfter()).isEqualTo(Duration.ofSeconds(30));
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
	void retryAndTimeoutPropertiesAreBound() {
		this.contextRunner
			.withPropertyValues("cloudevents.http.connect-timeout=2s", "cloudevents.http.read-timeout=7s",
					"cloudevents.http.retry.max-attempts=5", "cloudevents.http.retry.initial-interval=50ms",
					"cloudevents.http.retry.multiplier=1.5", "cloudevents.http.retry.max-interval=1m",
					"cloudevents.http.retry.jitter=0", "cloudevents.http.retry.max-retry-after=2m")
			.run((context) -> {
				CloudEventsProperties.Http http = context.getBean(CloudEventsProperties.class).getHttp();
				assertThat(http.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(http.getReadTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(http.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(http.getRetry().getInitialInterval()).isEqualTo(Duration.ofMillis(50));
				assertThat(http.getRetry().getMultiplier()).isEqualTo(1.5);
				assertThat(http.getRetry().getMaxInterval()).isEqualTo(Duration.ofMinutes(1));
				assertThat(http.getRetry().getJitter()).isZero();
				assertThat(http.getRetry().getMaxRetryAfter()).isEqualTo(Duration.ofMinutes(2));
			});
	}

	@Test
	void invalidRetryPropertiesFailTheStartup() {
		this.contextRunner.withPropertyValues("cloudevents.http.retry.max-attempts=0")
			.run((context) -> assertThat(context).hasFailed());
		this.contextRunner.withPropertyValues("cloudevents.http.retry.jitter=1.5")
			.run((context) -> assertThat(context).hasFailed());
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
				.hasMessageContaining("not an absolute http or https URI"));
	}

	@Test
	void invalidContentModeFailsTheStartup() {
		this.contextRunner.withPropertyValues("cloudevents.http.content-mode=banana")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void converterTakesTheContentModeAndTheMaxBodySizeFromTheProperties() {
		this.contextRunner
			.withPropertyValues("cloudevents.http.content-mode=structured", "cloudevents.http.max-body-size=64KB")
			.run((context) -> {
				CloudEventHttpMessageConverter converter = context.getBean(CloudEventHttpMessageConverter.class);
				assertThat(converter.getContentMode()).isEqualTo(ContentMode.STRUCTURED);
				assertThat(converter.getMaxBodySize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(converter.getBinding()).isSameAs(context.getBean(CloudEventHttpBinding.class));
			});
	}

	@Test
	void codecCustomizerRegistersTheReaderWithTheMaxBodySizeAndTheWriterWithTheContentMode() {
		this.contextRunner
			.withPropertyValues("cloudevents.http.content-mode=structured", "cloudevents.http.max-body-size=64KB",
					"spring.http.codecs.max-in-memory-size=1KB")
			.run((context) -> {
				ClientCodecConfigurer configurer = ClientCodecConfigurer.create();
				context.getBeanProvider(CodecCustomizer.class).orderedStream().forEach((c) -> c.customize(configurer));
				List<HttpMessageReader<?>> readers = configurer.getReaders();
				assertThat(readers).filteredOn(CloudEventHttpMessageReader.class::isInstance)
					.singleElement()
					.extracting((reader) -> ((CloudEventHttpMessageReader) reader).getMaxBodySize())
					.isEqualTo(DataSize.ofKilobytes(64));
				List<HttpMessageWriter<?>> writers = configurer.getWriters();
				assertThat(writers).filteredOn(CloudEventHttpMessageWriter.class::isInstance)
					.singleElement()
					.extracting((writer) -> ((CloudEventHttpMessageWriter) writer).getContentMode())
					.isEqualTo(ContentMode.STRUCTURED);
			});
	}

	@Test
	void noCodecsWithoutBootCodecSupport() {
		this.servletContextRunner.withClassLoader(new FilteredClassLoader(CodecCustomizer.class))
			.run((context) -> assertThat(context).doesNotHaveBean("cloudEventCodecCustomizer")
				.hasSingleBean(CloudEventHttpMessageConverter.class)
				.hasSingleBean(dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver.class));
	}

	@Test
	void nonWebApplicationGetsNoServerSideBeans() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CloudEventHttpMessageConverter.class)
			.doesNotHaveBean(dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver.class)
			.doesNotHaveBean(dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver.class)
			.doesNotHaveBean(CloudEventExceptionHandler.class)
			.doesNotHaveBean(CloudEventWebExceptionHandler.class)
			.doesNotHaveBean("cloudEventRestClientCustomizer"));
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

	@Configuration(proxyBeanMethods = false)
	static class ApplicationBeans {

		static final JsonEventFormat format = new JsonEventFormat();

		static final CloudEventHttpBinding binding = new CloudEventHttpBinding(format);

		static final CloudEventTemplate template = new CloudEventTemplate(RestClient.create(), binding);

		static final ReactiveCloudEventTemplate reactiveTemplate = new ReactiveCloudEventTemplate(WebClient.create(),
				binding);

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
