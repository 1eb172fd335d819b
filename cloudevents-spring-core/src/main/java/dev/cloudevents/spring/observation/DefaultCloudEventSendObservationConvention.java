package dev.cloudevents.spring.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation.HighCardinalityKeyNames;

/**
 * The default {@link CloudEventSendObservationConvention}: the key values that
 * {@link CloudEventsObservationDocumentation} lists, and a contextual name (the span
 * name) of {@code "send <event type>"}.
 *
 * @since 0.1.0
 */
public class DefaultCloudEventSendObservationConvention implements CloudEventSendObservationConvention {

	@Override
	public String getName() {
		return CloudEventsObservationDocumentation.SEND.getName();
	}

	@Override
	public String getContextualName(CloudEventSendContext context) {
		return EventKeyValues.contextualName("send", context.getEvents());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(CloudEventSendContext context) {
		return EventKeyValues
			.lowCardinality(context.getEvents(), context.getContentMode(), context.getContentMode() == null,
					context.getBinding())
			.and(EventKeyValues.outcome(context.getStatus(), context.getError()),
					EventKeyValues.status(context.getStatus()), EventKeyValues.exception(context.getError()));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(CloudEventSendContext context) {
		return EventKeyValues.highCardinality(context.getEvents())
			.and(KeyValue.of(HighCardinalityKeyNames.ATTEMPTS, String.valueOf(context.getAttempts())));
	}

}
