package dev.cloudevents.spring.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.webhook.WebhookHandshake;
import dev.cloudevents.spring.webhook.WebhookHandshakeInterceptor;

/**
 * The webhook handshake on Spring MVC and Tomcat.
 */
@SpringBootTest(classes = { MvcTestApplication.class, MvcWebhookTests.Webhook.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcWebhookTests extends AbstractWebhookTests {

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ PlainController.class, RoutedController.class })
	static class Webhook {

		@Bean
		WebMvcConfigurer webhookConfigurer(
				@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
			WebhookHandshakeInterceptor interceptor = new WebhookHandshakeInterceptor(
					new WebhookHandshake(List.of(ALLOWED), RATE), mapping::getObject);
			return new WebMvcConfigurer() {

				@Override
				public void addInterceptors(InterceptorRegistry registry) {
					registry.addInterceptor(interceptor);
				}

			};
		}

	}

}
