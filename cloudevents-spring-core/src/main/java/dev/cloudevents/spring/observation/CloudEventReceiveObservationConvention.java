package dev.cloudevents.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of {@link CloudEventsObservationDocumentation#RECEIVE
 * cloudevents.receive} observations. Declare a bean of this type to replace
 * {@link DefaultCloudEventReceiveObservationConvention}, or extend it to add key values.
 *
 * @since 0.1.0
 */
public interface CloudEventReceiveObservationConvention extends ObservationConvention<CloudEventReceiveContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CloudEventReceiveContext;
	}

}
