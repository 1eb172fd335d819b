package dev.cloudevents.spring.boot;

import dev.cloudevents.spring.client.CloudEventTemplate;

/**
 * Callback to customize the auto-configured {@link CloudEventTemplate} after the
 * {@code cloudevents.*} properties have been applied to it. Beans of this type are
 * applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface CloudEventTemplateCustomizer {

	/**
	 * Customize the template.
	 * @param template the template to customize
	 */
	void customize(CloudEventTemplate template);

}
