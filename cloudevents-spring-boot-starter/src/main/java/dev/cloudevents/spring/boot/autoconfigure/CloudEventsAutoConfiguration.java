package dev.cloudevents.spring.boot.autoconfigure;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageWriter;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the CloudEvents JSON format and HTTP binding, with the
 * application's {@link JsonMapper}: an HTTP message converter that Boot hands to Spring
 * MVC, {@code RestClient} and {@code RestTemplate}, and codecs for WebFlux and
 * {@code WebClient}. Runs after the Jackson auto-configuration, whose mapper it uses, and
 * before those of the HTTP converters and codecs, which pick up what it contributes.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		beforeName = { "org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration",
				"org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration" })
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

	static CloudEventHttpMessageReader reader(CloudEventHttpBinding binding, CloudEventsProperties properties) {
		CloudEventHttpMessageReader reader = new CloudEventHttpMessageReader(binding);
		reader.setMaxBodySize(properties.getHttp().getMaxBodySize());
		return reader;
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

		private static CloudEventHttpMessageWriter writer(CloudEventHttpBinding binding,
				CloudEventsProperties properties) {
			CloudEventHttpMessageWriter writer = new CloudEventHttpMessageWriter(binding);
			writer.setContentMode(properties.getHttp().getContentMode());
			return writer;
		}

	}

}
