package dev.cloudevents.spring.kafka;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventSerdeRuntimeHintsTests {

	@Test
	void serializerAndDeserializerNamedByClassCanBeCreatedByKafkaInANativeImage() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		new CloudEventSerdeRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(CloudEventSerializer.class.getConstructor())).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(CloudEventDeserializer.class.getConstructor())).accepts(hints);
	}

	@Test
	void registrarIsListedInAotFactories() throws Exception {
		RuntimeHints hints = new RuntimeHints();
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(CloudEventSerdeRuntimeHints.class)
			.allSatisfy((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(CloudEventSerializer.class.getConstructor())).accepts(hints);
	}

}
