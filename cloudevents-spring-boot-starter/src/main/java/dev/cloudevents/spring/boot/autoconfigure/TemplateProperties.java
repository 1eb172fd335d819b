package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;

import org.springframework.core.env.Environment;
import org.springframework.web.util.UriUtils;

import dev.cloudevents.spring.client.RetrySettings;

/**
 * Reads what both templates take from {@link CloudEventsProperties}.
 */
final class TemplateProperties {

	private TemplateProperties() {
	}

	static URI source(CloudEventsProperties properties, Environment environment) {
		URI source = properties.getSource();
		if (source != null) {
			return source;
		}
		String name = environment.getProperty("spring.application.name", "application");
		return URI.create("/" + UriUtils.encodePathSegment(name, "UTF-8"));
	}

	static RetrySettings retrySettings(CloudEventsProperties.Retry retry) {
		return new RetrySettings(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
				retry.getMaxInterval(), retry.getJitter(), retry.getMaxRetryAfter());
	}

}
