package dev.cloudevents.spring.web;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.webflux.WebFluxTestApplication;
import dev.cloudevents.spring.webhook.WebhookHandshake;
import dev.cloudevents.spring.webhook.WebhookHandshakeWebFilter;

/**
 * The webhook handshake on Spring WebFlux and Netty.
 */
@SpringBootTest(classes = { WebFluxTestApplication.class, WebFluxWebhookTests.Webhook.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class WebFluxWebhookTests extends AbstractWebhookTests {

	@TestConfiguration(proxyBeanMethods = false)
	@Import({ PlainController.class, RoutedController.class })
	static class Webhook {

		@Bean
		WebhookHandshakeWebFilter webhookHandshakeWebFilter(
				@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mapping) {
			return new WebhookHandshakeWebFilter(new WebhookHandshake(List.of(ALLOWED), RATE), mapping::getObject);
		}

	}

}
