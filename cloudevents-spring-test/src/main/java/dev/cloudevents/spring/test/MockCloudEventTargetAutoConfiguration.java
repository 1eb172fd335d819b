package dev.cloudevents.spring.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} imported by {@link AutoConfigureMockCloudEventTarget}: the target
 * and the customizers that deliver Boot-built clients' requests to it.
 */
@AutoConfiguration
public final class MockCloudEventTargetAutoConfiguration {

	@Bean
	MockCloudEventTarget mockCloudEventTarget() {
		return MockCloudEventTarget.create();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientCustomizer.class)
	static class RestClientConfiguration {

		@Bean
		RestClientCustomizer mockCloudEventTargetRestClientCustomizer(MockCloudEventTarget target) {
			return (builder) -> builder.requestInterceptor(TargetRequestFactory.interceptor(target));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClientCustomizer.class)
	static class WebClientConfiguration {

		@Bean
		WebClientCustomizer mockCloudEventTargetWebClientCustomizer(MockCloudEventTarget target) {
			return (builder) -> builder.filter(target.exchangeFilter());
		}

	}

}
