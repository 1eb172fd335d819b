package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.boot.CloudEventTemplateCustomizer;
import dev.cloudevents.spring.boot.ReactiveCloudEventTemplateCustomizer;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for sending CloudEvents: {@link CloudEventTemplate} and
 * {@link ReactiveCloudEventTemplate}, built from the application's
 * {@code RestClient.Builder} and {@code WebClient.Builder} with the {@code cloudevents.*}
 * properties and then the {@link CloudEventTemplateCustomizer} and
 * {@link ReactiveCloudEventTemplateCustomizer} beans; and, in reactive applications,
 * where Boot's HTTP converter auto-configuration is off, {@code RestClient} and
 * {@code RestTemplate} that write CloudEvent bodies.
 */
@AutoConfiguration(after = CloudEventsAutoConfiguration.class,
		afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
				"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
public final class CloudEventsClientAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class CloudEventTemplateConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CloudEventTemplate cloudEventTemplate(ObjectProvider<RestClient.Builder> restClientBuilder,
				CloudEventHttpBinding binding, CloudEventsProperties properties, Environment environment,
				BeanFactory beanFactory, ResourceLoader resourceLoader,
				ObjectProvider<CloudEventTemplateCustomizer> customizers) {
			// the builder is Boot's prototype: the timeouts reach this
			// template's client only
			RestClient restClient = restClientBuilder.getIfAvailable(RestClient::builder)
				.requestFactory(TemplateClients.requestFactory(properties.getHttp(), beanFactory, environment,
						resourceLoader.getClassLoader()))
				.build();
			CloudEventTemplate template = new CloudEventTemplate(restClient, binding);
			TemplateProperties.map(properties, environment, template);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(template));
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
				BeanFactory beanFactory, ResourceLoader resourceLoader,
				ObjectProvider<ReactiveCloudEventTemplateCustomizer> customizers) {
			WebClient webClient = webClientBuilder.getIfAvailable(WebClient::builder)
				.clientConnector(TemplateClients.connector(properties.getHttp(), beanFactory, environment,
						resourceLoader.getClassLoader()))
				.build();
			ReactiveCloudEventTemplate template = new ReactiveCloudEventTemplate(webClient, binding);
			TemplateProperties.map(properties, environment, template);
			customizers.orderedStream().forEach((customizer) -> customizer.customize(template));
			return template;
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

}
