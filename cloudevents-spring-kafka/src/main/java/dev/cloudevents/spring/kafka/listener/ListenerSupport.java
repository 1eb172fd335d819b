package dev.cloudevents.spring.kafka.listener;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;

/**
 * What the listener endpoints of
 * {@link CloudEventKafkaListenerAnnotationBeanPostProcessor} take from the application's
 * {@link CloudEventKafkaListenerConfigurer}.
 */
record ListenerSupport(RecordEvents events, ObservationRegistry observationRegistry,
		@Nullable CloudEventReceiveObservationConvention observationConvention) {

}
