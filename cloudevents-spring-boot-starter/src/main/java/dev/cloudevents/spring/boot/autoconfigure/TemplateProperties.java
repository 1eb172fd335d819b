package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.core.env.Environment;
import org.springframework.web.util.UriUtils;

import dev.cloudevents.spring.client.CloudEventTemplateSupport;
import dev.cloudevents.spring.client.RetrySettings;

/**
 * Maps {@link CloudEventsProperties} onto either template.
 */
final class TemplateProperties {

	private TemplateProperties() {
	}

	static void map(CloudEventsProperties properties, Environment environment, CloudEventTemplateSupport template) {
		CloudEventsProperties.Http http = properties.getHttp();
		PropertyMapper map = PropertyMapper.get();
		map.from(http::getContentMode).to(template::setContentMode);
		map.from(source(properties, environment)).to(template::setSource);
		map.from(http::getSink).to(template::setSink);
		map.from(http::getRetry).as(TemplateProperties::retrySettings).to(template::setRetrySettings);
		map.from(http::getMaxBodySize).to(template::setMaxBodySize);
	}

	static URI source(CloudEventsProperties properties, Environment environment) {
		URI source = properties.getSource();
		if (source != null) {
			return source;
		}
		String name = environment.getProperty("spring.application.name", "application");
		return URI.create("/" + UriUtils.encodePathSegment(name, "UTF-8"));
	}

	private static RetrySettings retrySettings(CloudEventsProperties.Retry retry) {
		return new RetrySettings(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
				retry.getMaxInterval(), retry.getJitter(), retry.getMaxRetryAfter());
	}

}
