package dev.cloudevents.spring.kafka;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets Kafka create {@link CloudEventSerializer} and {@link CloudEventDeserializer} in a
 * native image when they are named by class in the client configuration
 * ({@code spring.kafka.producer.value-serializer}): Kafka loads the named class and calls
 * its no-argument constructor reflectively.
 */
class CloudEventSerdeRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerType(CloudEventSerializer.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS)
			.registerType(CloudEventDeserializer.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
	}

}
