package dev.cloudevents.spring.benchmarks.e2e;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code --e2e.observations=true} (e2e.sh: {@code OBSERVATIONS=true}), an
 * {@link ObservationRegistry} that turns every observation into timers, as an application
 * with the actuator has; without it there is no registry and the library takes its
 * unobserved path. The two runs side by side give the cost of
 * {@code cloudevents.receive}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("e2e.observations")
public class E2eObservations {

	@Bean
	ObservationRegistry observationRegistry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
		return registry;
	}

}
