package dev.cloudevents.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets {@link TemplateClients}' look-up of Boot's HTTP client module find it in a native
 * image, where a class named at run time must be registered.
 */
class TemplateClientsRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerTypeIfPresent(classLoader, TemplateClients.BOOT_HTTP_CLIENT_SETTINGS);
	}

}
