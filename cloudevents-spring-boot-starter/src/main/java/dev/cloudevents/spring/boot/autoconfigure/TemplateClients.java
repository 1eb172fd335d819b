package dev.cloudevents.spring.boot.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.util.ClassUtils;

import dev.cloudevents.spring.boot.CloudEventsProperties;

/**
 * Builds the HTTP request factory and connector of the templates' own clients with the
 * {@code cloudevents.http} timeouts, leaving every other client of the application as it
 * is. With Boot's HTTP client module, the application's client builders and
 * {@code spring.http.clients.*} settings are used; without it, the JDK's client.
 */
final class TemplateClients {

	static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	static final String BOOT_HTTP_CLIENT_SETTINGS = "org.springframework.boot.http.client.HttpClientSettings";

	private static final boolean bootHttpClientPresent = ClassUtils.isPresent(BOOT_HTTP_CLIENT_SETTINGS,
			TemplateClients.class.getClassLoader());

	private TemplateClients() {
	}

	static ClientHttpRequestFactory requestFactory(CloudEventsProperties.Http http, BeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		if (bootHttpClientPresent) {
			return BootClients.requestFactory(http, beanFactory, classLoader);
		}
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdkClient(http));
		factory.setReadTimeout(or(http.getReadTimeout(), DEFAULT_READ_TIMEOUT));
		return factory;
	}

	static ClientHttpConnector connector(CloudEventsProperties.Http http, BeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		if (bootHttpClientPresent) {
			return BootClients.connector(http, beanFactory, classLoader);
		}
		JdkClientHttpConnector connector = new JdkClientHttpConnector(jdkClient(http));
		connector.setReadTimeout(or(http.getReadTimeout(), DEFAULT_READ_TIMEOUT));
		return connector;
	}

	private static HttpClient jdkClient(CloudEventsProperties.Http http) {
		return HttpClient.newBuilder().connectTimeout(or(http.getConnectTimeout(), DEFAULT_CONNECT_TIMEOUT)).build();
	}

	private static Duration or(@Nullable Duration value, Duration fallback) {
		return (value != null) ? value : fallback;
	}

	/**
	 * Loaded only when Boot's HTTP client module is present.
	 */
	private static final class BootClients {

		static ClientHttpRequestFactory requestFactory(CloudEventsProperties.Http http, BeanFactory beanFactory,
				@Nullable ClassLoader classLoader) {
			ClientHttpRequestFactoryBuilder<?> builder = beanFactory
				.getBeanProvider(ClientHttpRequestFactoryBuilder.class)
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(classLoader));
			return builder.build(settings(http, beanFactory));
		}

		static ClientHttpConnector connector(CloudEventsProperties.Http http, BeanFactory beanFactory,
				@Nullable ClassLoader classLoader) {
			ClientHttpConnectorBuilder<?> builder = beanFactory.getBeanProvider(ClientHttpConnectorBuilder.class)
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(classLoader));
			return builder.build(settings(http, beanFactory));
		}

		// ours, else the application's spring.http.clients.* timeouts, else ours by
		// default: a send must never wait for ever
		private static HttpClientSettings settings(CloudEventsProperties.Http http, BeanFactory beanFactory) {
			HttpClientSettings settings = beanFactory.getBeanProvider(HttpClientSettings.class)
				.getIfAvailable(HttpClientSettings::defaults);
			return settings.withTimeouts(
					or(http.getConnectTimeout(), or(settings.connectTimeout(), DEFAULT_CONNECT_TIMEOUT)),
					or(http.getReadTimeout(), or(settings.readTimeout(), DEFAULT_READ_TIMEOUT)));
		}

	}

}
