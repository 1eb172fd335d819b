package dev.cloudevents.spring.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and key values of {@link CloudEventsObservationDocumentation#SEND
 * cloudevents.send} observations. Declare a bean of this type to replace
 * {@link DefaultCloudEventSendObservationConvention}, or extend it to add key values.
 *
 * @since 0.1.0
 */
public interface CloudEventSendObservationConvention extends ObservationConvention<CloudEventSendContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof CloudEventSendContext;
	}

}
