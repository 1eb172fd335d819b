package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.webhook.WebhookHandshake;
import dev.cloudevents.spring.webhook.WebhookHandshakeWebFilter;

/**
 * The webhook abuse protection in Spring WebFlux, imported by
 * {@link CloudEventsWebhookAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(WebFluxConfigurer.class)
class WebhookWebFluxConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebhookHandshakeWebFilter webhookHandshakeWebFilter(WebhookHandshake handshake,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
		return new WebhookHandshakeWebFilter(handshake, handlerMapping::getObject);
	}

}
