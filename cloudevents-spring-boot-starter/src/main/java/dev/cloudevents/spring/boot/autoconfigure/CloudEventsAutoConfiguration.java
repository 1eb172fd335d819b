package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriUtils;

import dev.cloudevents.spring.boot.CloudEventTemplate;
import dev.cloudevents.spring.boot.CloudEventsProperties;
import dev.cloudevents.spring.boot.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageWriter;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.mvc.CloudEventExceptionHandler;
import dev.cloudevents.spring.mvc.CloudEventRequestBodyAdvice;
import dev.cloudevents.spring.mvc.CloudEventResponseBodyAdvice;
import dev.cloudevents.spring.mvc.UnparseableMediaTypeFilter;
import dev.cloudevents.spring.mvc.WebhookHandshakeInterceptor;
import dev.cloudevents.spring.web.WebhookHandshake;
import dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler;
import dev.cloudevents.spring.webflux.UnparseableMediaTypeWebFilter;
import dev.cloudevents.spring.webflux.WebhookHandshakeWebFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for CloudEvents: the JSON event format and HTTP binding with the
 * application's {@link JsonMapper}, the templates that send events, and the web wiring:
 * an HTTP message converter for Spring MVC, {@code RestClient} and {@code RestTemplate},
 * codecs for WebFlux and {@code WebClient}, argument resolvers and problem responses,
 * and, with {@code cloudevents.webhook.enabled}, the webhook abuse protection of the
 * endpoints that receive events. Runs after the Jackson auto-configuration, whose mapper
 * it uses, and before the auto-configurations of the HTTP converters, codecs, clients and
 * web stacks, which pick up what it contributes.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		beforeName = { "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
				"org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration",
				"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
				"org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration" })
@EnableConfigurationProperties(CloudEventsProperties.class)
public final class CloudEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JsonEventFormat jsonEventFormat(ObjectProvider<JsonMapper> jsonMapper, CloudEventsProperties properties) {
		return new JsonEventFormat(jsonMapper.getIfUnique(JsonMapper::shared), properties.getHttp().toEventLimits());
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventHttpBinding cloudEventHttpBinding(JsonEventFormat jsonEventFormat) {
		return new CloudEventHttpBinding(jsonEventFormat);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnWebApplication
	@ConditionalOnBooleanProperty("cloudevents.webhook.enabled")
	WebhookHandshake webhookHandshake(CloudEventsProperties properties) {
		CloudEventsProperties.Webhook webhook = properties.getWebhook();
		return new WebhookHandshake(webhook.getAllowedOrigins(), webhook.getAllowedRate());
	}

	static URI source(CloudEventsProperties properties, Environment environment) {
		URI source = properties.getSource();
		if (source != null) {
			return source;
		}
		String name = environment.getProperty("spring.application.name", "application");
		return URI.create("/" + UriUtils.encodePathSegment(name, "UTF-8"));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class CloudEventTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CloudEventTemplate cloudEventTemplate(ObjectProvider<RestClient.Builder> restClientBuilder,
				CloudEventHttpBinding binding, CloudEventsProperties properties, Environment environment,
				BeanFactory beanFactory, ResourceLoader resourceLoader) {
			// the builder is Boot's prototype: the timeouts reach this template's client
			// only
			RestClient restClient = restClientBuilder.getIfAvailable(RestClient::builder)
				.requestFactory(TemplateClients.requestFactory(properties.getHttp(), beanFactory,
						resourceLoader.getClassLoader()))
				.build();
			CloudEventTemplate template = new CloudEventTemplate(restClient, binding,
					properties.getHttp().getContentMode(), source(properties, environment),
					properties.getHttp().getSink(), properties.getHttp().getRetry());
			template.setMaxReplySize(properties.getHttp().getMaxBodySize());
			return template;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class ReactiveCloudEventTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCloudEventTemplate reactiveCloudEventTemplate(ObjectProvider<WebClient.Builder> webClientBuilder,
				CloudEventHttpBinding binding, CloudEventsProperties properties, Environment environment,
				BeanFactory beanFactory, ResourceLoader resourceLoader) {
			WebClient webClient = webClientBuilder.getIfAvailable(WebClient::builder)
				.clientConnector(
						TemplateClients.connector(properties.getHttp(), beanFactory, resourceLoader.getClassLoader()))
				.build();
			ReactiveCloudEventTemplate template = new ReactiveCloudEventTemplate(webClient, binding,
					properties.getHttp().getContentMode(), source(properties, environment),
					properties.getHttp().getSink(), properties.getHttp().getRetry());
			template.setMaxReplySize(properties.getHttp().getMaxBodySize());
			return template;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HttpMessageConverterConfiguration {

		// Boot's converter customizers hand this bean to Spring MVC, RestClient and
		// RestTemplate in servlet and non-web applications
		@Bean
		@ConditionalOnMissingBean
		CloudEventHttpMessageConverter cloudEventHttpMessageConverter(CloudEventHttpBinding binding,
				CloudEventsProperties properties) {
			CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(binding);
			converter.setContentMode(properties.getHttp().getContentMode());
			converter.setMaxBodySize(properties.getHttp().getMaxBodySize());
			return converter;
		}

	}

	// Boot's HTTP converter auto-configuration is off in reactive applications: these
	// customizers add the converter there, and would add it twice anywhere else
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class })
	static class ReactiveApplicationRestClientConfiguration {

		@Bean
		RestClientCustomizer cloudEventRestClientCustomizer(CloudEventHttpMessageConverter converter) {
			// without registerDefaults() the builder would keep only this converter
			return (builder) -> builder.configureMessageConverters(
					(converters) -> converters.registerDefaults().addCustomConverter(converter));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ RestTemplate.class, RestTemplateCustomizer.class })
	static class ReactiveApplicationRestTemplateConfiguration {

		@Bean
		RestTemplateCustomizer cloudEventRestTemplateCustomizer(CloudEventHttpMessageConverter converter) {
			return (restTemplate) -> {
				if (!restTemplate.getMessageConverters().contains(converter)) {
					restTemplate.getMessageConverters().add(0, converter);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ CodecCustomizer.class, Mono.class })
	static class CodecConfiguration {

		// one customizer reaches the WebFlux server and every WebClient.Builder of Boot
		@Bean
		CodecCustomizer cloudEventCodecCustomizer(CloudEventHttpBinding binding, CloudEventsProperties properties) {
			return (configurer) -> {
				// registered without the default config: cloudevents.http.max-body-size
				// is the limit, not spring.http.codecs.max-in-memory-size
				configurer.customCodecs().register(reader(binding, properties));
				configurer.customCodecs().register(writer(binding, properties));
			};
		}

		static CloudEventHttpMessageReader reader(CloudEventHttpBinding binding, CloudEventsProperties properties) {
			CloudEventHttpMessageReader reader = new CloudEventHttpMessageReader(binding);
			reader.setMaxInMemorySize(Math.toIntExact(properties.getHttp().getMaxBodySize().toBytes()));
			return reader;
		}

		private static CloudEventHttpMessageWriter writer(CloudEventHttpBinding binding,
				CloudEventsProperties properties) {
			CloudEventHttpMessageWriter writer = new CloudEventHttpMessageWriter(binding);
			writer.setContentMode(properties.getHttp().getContentMode());
			return writer;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class WebMvcConfiguration {

		@Bean
		@ConditionalOnMissingBean
		dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver cloudEventMethodArgumentResolver(
				CloudEventHttpMessageConverter converter) {
			return new dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver(converter);
		}

		@Bean
		WebMvcConfigurer cloudEventWebMvcConfigurer(
				dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver argumentResolver) {
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

		@Bean
		@ConditionalOnMissingBean
		@Conditional(OnUnparseableMediaTypeDefectCondition.class)
		UnparseableMediaTypeFilter unparseableMediaTypeFilter() {
			return new UnparseableMediaTypeFilter();
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnBooleanProperty("cloudevents.webhook.enabled")
		static class WebhookConfiguration {

			@Bean
			@ConditionalOnMissingBean
			WebhookHandshakeInterceptor webhookHandshakeInterceptor(WebhookHandshake handshake,
					@Qualifier("requestMappingHandlerMapping") ObjectProvider<org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping> handlerMapping) {
				// looked up when a request comes: the mapping is built with this
				// interceptor
				return new WebhookHandshakeInterceptor(handshake, handlerMapping::getObject);
			}

			@Bean
			WebMvcConfigurer webhookWebMvcConfigurer(WebhookHandshakeInterceptor interceptor) {
				return new WebMvcConfigurer() {

					@Override
					public void addInterceptors(InterceptorRegistry registry) {
						registry.addInterceptor(interceptor);
					}

				};
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ WebFluxConfigurer.class, CodecCustomizer.class })
	static class WebFluxConfiguration {

		// Boot's WebFlux auto-configuration adds argument resolver beans to WebFlux
		@Bean
		@ConditionalOnMissingBean
		dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver reactiveCloudEventMethodArgumentResolver(
				CloudEventHttpBinding binding, CloudEventsProperties properties) {
			return new dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver(
					CodecConfiguration.reader(binding, properties));
		}

		@Bean
		@ConditionalOnMissingBean
		@Conditional(OnUnparseableMediaTypeDefectCondition.class)
		UnparseableMediaTypeWebFilter unparseableMediaTypeWebFilter() {
			return new UnparseableMediaTypeWebFilter();
		}

		@Bean
		@ConditionalOnMissingBean
		CloudEventWebExceptionHandler cloudEventWebExceptionHandler(
				ObjectProvider<ServerCodecConfigurer> serverCodecConfigurer) {
			return new CloudEventWebExceptionHandler(
					serverCodecConfigurer.getIfAvailable(ServerCodecConfigurer::create).getWriters());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnBooleanProperty("cloudevents.webhook.enabled")
		static class WebhookConfiguration {

			@Bean
			@ConditionalOnMissingBean
			WebhookHandshakeWebFilter webhookHandshakeWebFilter(WebhookHandshake handshake,
					@Qualifier("requestMappingHandlerMapping") ObjectProvider<org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping> handlerMapping) {
				return new WebhookHandshakeWebFilter(handshake, handlerMapping::getObject);
			}

		}

	}

}
