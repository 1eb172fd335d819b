package dev.cloudevents.spring.http.converter;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;

class RawServletRequestRuntimeHintsTests {

	@Test
	void registrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(RawServletRequestRuntimeHints.class);
	}

	@Test
	void servletApiCanBeLookedUpInANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		new RawServletRequestRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(HttpServletRequest.class)).accepts(hints);
	}

	@Test
	void nothingIsRegisteredWithoutTheServletApi() {
		RuntimeHints hints = new RuntimeHints();
		new RawServletRequestRuntimeHints().registerHints(hints, new FilteredClassLoader(HttpServletRequest.class));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	// the problems the exception handlers answer are ProblemDetails, which Spring's own
	// registrars cover: an application with our library needs no hint for them
	@Test
	void problemDetailsAnsweredToInvalidEventsAreCoveredByTheHintsOnTheClasspath() {
		RuntimeHints hints = new RuntimeHints();
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.reflection().onType(ProblemDetail.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(HttpServletRequest.class)).accepts(hints);
	}

}
