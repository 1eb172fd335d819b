package dev.cloudevents.spring.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Proxy;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventMappingRuntimeHintsTests {

	@Test
	void aComposedMappingIsReadAsAProxyWhichTheHintsLetANativeImageCreate() throws Exception {
		CloudEventMapping mapping = AnnotatedElementUtils
			.findMergedAnnotation(Handlers.class.getDeclaredMethod("created"), CloudEventMapping.class);
		assertThat(mapping.type()).containsExactly("com.example.order.created");
		assertThat(Proxy.isProxyClass(mapping.getClass())).isTrue();
		RuntimeHints hints = new RuntimeHints();
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(CloudEventMappingRuntimeHints.class)
			.allSatisfy((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));
		assertThat(RuntimeHintsPredicates.proxies().forInterfaces(mapping.getClass().getInterfaces())).accepts(hints);
	}

	@Retention(RetentionPolicy.RUNTIME)
	@CloudEventMapping(type = "com.example.order.created")
	@interface OrderCreated {

	}

	static class Handlers {

		@OrderCreated
		void created() {
		}

	}

}
