package dev.cloudevents.spring.annotation;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets a {@link CloudEventMapping @CloudEventMapping} used as a meta-annotation be read
 * in a native image: Spring synthesizes the merged annotation as a JDK proxy, whose class
 * must exist when the image is built.
 */
class CloudEventMappingRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.proxies().registerJdkProxy(CloudEventMapping.class);
	}

}
