package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.cloudevents.spring.webhook.WebhookHandshake;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the abuse protection of the CloudEvents HTTP webhook
 * specification, with {@code cloudevents.webhook.enabled}: the validation handshake and
 * the allowed origins and rate of the handler methods that receive events, in Spring MVC
 * and WebFlux.
 */
@AutoConfiguration(after = CloudEventsAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty("cloudevents.webhook.enabled")
@Import({ WebhookWebMvcConfiguration.class, WebhookWebFluxConfiguration.class })
public final class CloudEventsWebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebhookHandshake webhookHandshake(CloudEventsProperties properties) {
		CloudEventsProperties.Webhook webhook = properties.getWebhook();
		return new WebhookHandshake(webhook.getAllowedOrigins(), webhook.getAllowedRate());
	}

}
