package dev.cloudevents.spring.http.converter;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets {@link RawServletRequest}'s look-up of the Servlet API find it in a native image,
 * where a class named at run time must be registered. Spring precomputes such checks in
 * its own packages only.
 */
class RawServletRequestRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerTypeIfPresent(classLoader, RawServletRequest.SERVLET_REQUEST);
	}

}
