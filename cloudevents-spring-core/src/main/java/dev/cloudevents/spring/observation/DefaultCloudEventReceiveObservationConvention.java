package dev.cloudevents.spring.observation;

import io.micrometer.common.KeyValues;

/**
 * The default {@link CloudEventReceiveObservationConvention}: the key values that
 * {@link CloudEventsObservationDocumentation} lists, and a contextual name (the span
 * name) of {@code "receive <event type>"}.
 *
 * @since 0.1.0
 */
public class DefaultCloudEventReceiveObservationConvention implements CloudEventReceiveObservationConvention {

	@Override
	public String getName() {
		return CloudEventsObservationDocumentation.RECEIVE.getName();
	}

	@Override
	public String getContextualName(CloudEventReceiveContext context) {
		return EventKeyValues.contextualName("receive", context.getEvents());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CloudEventReceiveContext context) {
		return EventKeyValues
			.lowCardinality(context.getEvents(), context.getContentMode(), context.isBatch(), context.getBinding())
			.and(EventKeyValues.outcome(context.getStatus(), context.getError()),
					EventKeyValues.status(context.getStatus()), EventKeyValues.exception(context.getError()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CloudEventReceiveContext context) {
		return EventKeyValues.highCardinality(context.getEvents());
	}

}
