package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.webhook.WebhookHandshake;
import dev.cloudevents.spring.webhook.WebhookHandshakeInterceptor;

/**
 * The webhook abuse protection in Spring MVC, imported by
 * {@link CloudEventsWebhookAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
class WebhookWebMvcConfiguration {

	@Bean
	@ConditionalOnMissingBean
	WebhookHandshakeInterceptor webhookHandshakeInterceptor(WebhookHandshake handshake,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlerMapping) {
		// looked up when a request comes: the mapping is built with this interceptor
		return new WebhookHandshakeInterceptor(handshake, handlerMapping::getObject);
	}

	@Bean
	WebMvcConfigurer webhookWebMvcConfigurer(WebhookHandshakeInterceptor interceptor) {
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

}
