package dev.cloudevents.spring.boot;

import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;

/**
 * Callback to customize the auto-configured {@link ReactiveCloudEventTemplate} after the
 * {@code cloudevents.*} properties have been applied to it. Beans of this type are
 * applied in {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface ReactiveCloudEventTemplateCustomizer {

	/**
	 * Customize the template.
	 * @param template the template to customize
	 */
	void customize(ReactiveCloudEventTemplate template);

}
