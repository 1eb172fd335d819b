package dev.cloudevents.spring.boot.autoconfigure;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

import dev.cloudevents.spring.annotation.CloudEventMapping;

/**
 * Fails the start-up when a request mapping that does not route by event type has a
 * {@link CloudEventMapping @CloudEventMapping} method, whose types it would ignore: the
 * silent trap routing is there to remove. That happens when the application's own
 * {@code WebMvcRegistrations} or {@code WebFluxRegistrations} return another mapping.
 */
final class CloudEventMappingCheck {

	private CloudEventMappingCheck() {
	}

	/**
	 * Check, once every singleton exists, each of a web stack's request mappings that is
	 * not the given routing one.
	 */
	static <M> SmartInitializingSingleton afterSingletons(ObjectProvider<M> mappings, Class<?> routingMapping,
			Function<M, Map<?, HandlerMethod>> handlerMethods, String registrations) {
		return () -> mappings.orderedStream()
			.filter((mapping) -> !routingMapping.isInstance(mapping))
			.forEach((mapping) -> check(mapping, handlerMethods.apply(mapping).values(), registrations));
	}

	private static void check(Object mapping, Collection<HandlerMethod> handlerMethods, String registrations) {
		for (HandlerMethod handlerMethod : handlerMethods) {
			if (AnnotatedElementUtils.hasAnnotation(handlerMethod.getMethod(), CloudEventMapping.class)) {
				throw new IllegalStateException("@CloudEventMapping on " + handlerMethod
						+ " is not routed by its request mapping, a " + mapping.getClass().getName()
						+ ": return a CloudEventRequestMappingHandlerMapping from the application's " + registrations);
			}
		}
	}

}
