package dev.cloudevents.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;

import dev.cloudevents.spring.webhook.WebhookHandshake;
import dev.cloudevents.spring.webhook.WebhookHandshakeInterceptor;
import dev.cloudevents.spring.webhook.WebhookHandshakeWebFilter;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsWebhookAutoConfigurationTests {

	private static final AutoConfigurations configurations = AutoConfigurations.of(CloudEventsAutoConfiguration.class,
			CloudEventsWebMvcAutoConfiguration.class, CloudEventsWebFluxAutoConfiguration.class,
			CloudEventsWebhookAutoConfiguration.class, CloudEventsClientAutoConfiguration.class,
			UnparseableMediaTypeAutoConfiguration.class, JacksonAutoConfiguration.class,
			HttpMessageConvertersAutoConfiguration.class, CodecsAutoConfiguration.class,
			RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class, WebClientAutoConfiguration.class);

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(configurations);

	private final WebApplicationContextRunner servletContextRunner = new WebApplicationContextRunner()
		.withConfiguration(configurations)
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(configurations)
		.withConfiguration(AutoConfigurations.of(WebFluxAutoConfiguration.class));

	@Test
	void webhookProtectionIsOffByDefault() {
		this.servletContextRunner.run((context) -> assertThat(context).doesNotHaveBean(WebhookHandshake.class)
			.doesNotHaveBean(WebhookHandshakeInterceptor.class));
		this.reactiveContextRunner.run((context) -> assertThat(context).doesNotHaveBean(WebhookHandshake.class)
			.doesNotHaveBean(WebhookHandshakeWebFilter.class));
	}

	@Test
	void servletApplicationGetsTheWebhookInterceptorWhenEnabled() {
		this.servletContextRunner
			.withPropertyValues("cloudevents.webhook.enabled=true", "cloudevents.webhook.allowed-origins=a.example",
					"cloudevents.webhook.allowed-rate=60")
			.run((context) -> {
				assertThat(context).hasSingleBean(WebhookHandshakeInterceptor.class)
					.doesNotHaveBean(WebhookHandshakeWebFilter.class);
				WebhookHandshake handshake = context.getBean(WebhookHandshake.class);
				assertThat(handshake.allows("A.example")).isTrue();
				assertThat(handshake.allows("b.example")).isFalse();
				assertThat(handshake.consent("a.example").getFirst(WebhookHandshake.ALLOWED_RATE)).isEqualTo("60");
			});
	}

	@Test
	void reactiveApplicationGetsTheWebhookFilterWhenEnabled() {
		this.reactiveContextRunner.withPropertyValues("cloudevents.webhook.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(WebhookHandshakeWebFilter.class)
				.doesNotHaveBean(WebhookHandshakeInterceptor.class);
			WebhookHandshake handshake = context.getBean(WebhookHandshake.class);
			assertThat(handshake.allows("any.example")).isTrue();
			assertThat(handshake.consent("any.example").toSingleValueMap())
				.containsEntry(WebhookHandshake.ALLOWED_ORIGIN, "*")
				.containsEntry(WebhookHandshake.ALLOWED_RATE, "*");
		});
	}

	@Test
	void nonWebApplicationGetsNoWebhookBeansEvenWhenEnabled() {
		this.contextRunner.withPropertyValues("cloudevents.webhook.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookHandshake.class));
	}

}
