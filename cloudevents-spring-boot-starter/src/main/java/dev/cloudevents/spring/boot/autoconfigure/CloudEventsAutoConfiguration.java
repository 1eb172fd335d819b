package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriUtils;

import dev.cloudevents.spring.boot.CloudEventTemplate;
import dev.cloudevents.spring.boot.CloudEventsProperties;
import dev.cloudevents.spring.boot.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for CloudEvents: the JSON event format and HTTP binding with the
 * application's {@link JsonMapper}, and the templates that send events. Runs after the
 * Jackson auto-configuration, whose mapper it uses, and before the auto-configurations of
 * the HTTP converters, codecs and clients, which pick up what it contributes.
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
	JsonEventFormat jsonEventFormat(ObjectProvider<JsonMapper> jsonMapper) {
		return new JsonEventFormat(jsonMapper.getIfUnique(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventHttpBinding cloudEventHttpBinding(JsonEventFormat jsonEventFormat) {
		return new CloudEventHttpBinding(jsonEventFormat);
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
				CloudEventHttpBinding binding, CloudEventsProperties properties, Environment environment) {
			RestClient restClient = restClientBuilder.getIfAvailable(RestClient::builder).build();
			return new CloudEventTemplate(restClient, binding, properties.getHttp().getContentMode(),
					source(properties, environment), properties.getHttp().getSink());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class ReactiveCloudEventTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ReactiveCloudEventTemplate reactiveCloudEventTemplate(ObjectProvider<WebClient.Builder> webClientBuilder,
				CloudEventHttpBinding binding, CloudEventsProperties properties, Environment environment) {
			WebClient webClient = webClientBuilder.getIfAvailable(WebClient::builder).build();
			return new ReactiveCloudEventTemplate(webClient, binding, properties.getHttp().getContentMode(),
					source(properties, environment), properties.getHttp().getSink());
		}

	}

}
