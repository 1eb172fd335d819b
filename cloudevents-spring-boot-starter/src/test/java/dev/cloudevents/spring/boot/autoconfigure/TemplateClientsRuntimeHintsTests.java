package dev.cloudevents.spring.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateClientsRuntimeHintsTests {

	@Test
	void bootsHttpClientModuleCanBeLookedUpInANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		new TemplateClientsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection().onType(HttpClientSettings.class)).accepts(hints);
	}

	@Test
	void nothingIsRegisteredWithoutBootsHttpClientModule() {
		RuntimeHints hints = new RuntimeHints();
		new TemplateClientsRuntimeHints().registerHints(hints, new FilteredClassLoader(HttpClientSettings.class));
		assertThat(hints.reflection().typeHints()).isEmpty();
	}

	// the templates read a target's problem detail with Spring's mixin, which Spring's
	// own registrars cover
	@Test
	void everyRegistrarOnTheClasspathTogetherCoverWhatTheStarterLooksUpAndBinds() {
		RuntimeHints hints = new RuntimeHints();
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(TemplateClientsRuntimeHints.class)
			.allSatisfy((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.reflection().onType(HttpClientSettings.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ProblemDetail.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(ProblemDetailJacksonMixin.class)).accepts(hints);
	}

}
