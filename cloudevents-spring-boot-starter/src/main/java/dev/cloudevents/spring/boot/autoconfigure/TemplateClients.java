package dev.cloudevents.spring.boot.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.util.ClassUtils;

/**
 * Builds the HTTP request factory and connector of the templates' own clients with their
 * timeouts, leaving every other client of the application as it is. A timeout is
 * {@code cloudevents.http.*}, else {@code spring.http.clients.*}, else 10s to connect and
 * 30s to read: a send must never wait for ever. With Boot's HTTP client module, the
 * application's client builders and settings are used; without it, the JDK's client.
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
			Environment environment, @Nullable ClassLoader classLoader) {
		Timeouts timeouts = Timeouts.of(http, environment);
		if (bootHttpClientPresent) {
			return BootClients.requestFactory(timeouts, beanFactory, classLoader);
		}
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdkClient(timeouts));
		factory.setReadTimeout(timeouts.read());
		return factory;
	}

	static ClientHttpConnector connector(CloudEventsProperties.Http http, BeanFactory beanFactory,
			Environment environment, @Nullable ClassLoader classLoader) {
		Timeouts timeouts = Timeouts.of(http, environment);
		if (bootHttpClientPresent) {
			return BootClients.connector(timeouts, beanFactory, classLoader);
		}
		JdkClientHttpConnector connector = new JdkClientHttpConnector(jdkClient(timeouts));
		connector.setReadTimeout(timeouts.read());
		return connector;
	}

	private static HttpClient jdkClient(Timeouts timeouts) {
		return HttpClient.newBuilder().connectTimeout(timeouts.connect()).build();
	}

	/**
	 * The timeouts of the templates' clients.
	 */
	record Timeouts(Duration connect, Duration read) {

		static Timeouts of(CloudEventsProperties.Http http, Environment environment) {
			Binder binder = Binder.get(environment);
			return new Timeouts(
					or(http.getConnectTimeout(),
							binder.bind("spring.http.clients.connect-timeout", Duration.class)
								.orElse(DEFAULT_CONNECT_TIMEOUT)),
					or(http.getReadTimeout(), binder.bind("spring.http.clients.read-timeout", Duration.class)
						.orElse(DEFAULT_READ_TIMEOUT)));
		}

		private static Duration or(@Nullable Duration value, Duration fallback) {
			return (value != null) ? value : fallback;
		}

	}

	/**
	 * Loaded only when Boot's HTTP client module is present.
	 */
	private static final class BootClients {

		static ClientHttpRequestFactory requestFactory(Timeouts timeouts, BeanFactory beanFactory,
				@Nullable ClassLoader classLoader) {
			ClientHttpRequestFactoryBuilder<?> builder = beanFactory
				.getBeanProvider(ClientHttpRequestFactoryBuilder.class)
				.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(classLoader));
			return builder.build(settings(timeouts, beanFactory));
		}

		static ClientHttpConnector connector(Timeouts timeouts, BeanFactory beanFactory,
				@Nullable ClassLoader classLoader) {
			ClientHttpConnectorBuilder<?> builder = beanFactory.getBeanProvider(ClientHttpConnectorBuilder.class)
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(classLoader));
			return builder.build(settings(timeouts, beanFactory));
		}

		// the application's settings (redirects, SSL) with the templates' timeouts
		private static HttpClientSettings settings(Timeouts timeouts, BeanFactory beanFactory) {
			return beanFactory.getBeanProvider(HttpClientSettings.class)
				.getIfAvailable(HttpClientSettings::defaults)
				.withTimeouts(timeouts.connect(), timeouts.read());
		}

	}

}
