package dev.cloudevents.spring.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} imported by {@link AutoConfigureMockCloudEventTarget}: the target,
 * the customizers that deliver the requests of Boot-built clients to it, and, in an
 * application without Boot's client modules, the client builders that the templates then
 * take.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
public final class MockCloudEventTargetAutoConfiguration {

	@Bean
	MockCloudEventTarget mockCloudEventTarget() {
		return MockCloudEventTarget.create();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientCustomizerConfiguration {

		@Bean
		RestClientCustomizer mockCloudEventTargetRestClientCustomizer(MockCloudEventTarget target) {
			return (builder) -> builder.requestInterceptor(TargetRequestFactory.interceptor(target));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientBuilderConfiguration {

		@Bean
		@Scope("prototype")
		@ConditionalOnMissingBean
		RestClient.Builder mockCloudEventTargetRestClientBuilder(MockCloudEventTarget target) {
			return RestClient.builder().requestInterceptor(TargetRequestFactory.interceptor(target));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClientCustomizer.class)
	static class WebClientCustomizerConfiguration {

		@Bean
		WebClientCustomizer mockCloudEventTargetWebClientCustomizer(MockCloudEventTarget target) {
			return (builder) -> builder.filter(new MockCloudEventTargetFilter(target));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientBuilderConfiguration {

		@Bean
		@Scope("prototype")
		@ConditionalOnMissingBean
		WebClient.Builder mockCloudEventTargetWebClientBuilder(MockCloudEventTarget target) {
			return WebClient.builder().filter(new MockCloudEventTargetFilter(target));
		}

	}

}
