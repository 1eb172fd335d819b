package dev.cloudevents.spring.observation;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation.HighCardinalityKeyNames;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation.LowCardinalityKeyNames;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * The key values that both observations derive from events, a status and an error.
 */
final class EventKeyValues {

	static final String MIXED = "mixed";

	private static final KeyValue EXCEPTION_NONE = KeyValue.of(LowCardinalityKeyNames.EXCEPTION, KeyValue.NONE_VALUE);

	private static final KeyValue STATUS_NONE = KeyValue.of(LowCardinalityKeyNames.STATUS, KeyValue.NONE_VALUE);

	private EventKeyValues() {
	}

	static KeyValues lowCardinality(List<CloudEvent> events, @Nullable ContentMode contentMode, boolean batch,
			String binding) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.BINDING, binding),
				KeyValue.of(LowCardinalityKeyNames.CONTENT_MODE, contentMode(contentMode, batch)),
				KeyValue.of(LowCardinalityKeyNames.EVENT_TYPE, common(events, CloudEvent::type)),
				KeyValue.of(LowCardinalityKeyNames.EVENT_SPEC_VERSION,
						common(events, (event) -> event.specVersion().value())));
	}

	static KeyValues highCardinality(List<CloudEvent> events) {
		if (events.size() != 1) {
			return KeyValues.empty();
		}
		CloudEvent event = events.get(0);
		KeyValues values = KeyValues.of(KeyValue.of(HighCardinalityKeyNames.EVENT_ID, event.id()),
				KeyValue.of(HighCardinalityKeyNames.EVENT_SOURCE, event.source().toString()));
		String subject = event.subject();
		return (subject != null) ? values.and(KeyValue.of(HighCardinalityKeyNames.EVENT_SUBJECT, subject)) : values;
	}

	static KeyValue status(@Nullable Integer status) {
		return (status != null) ? KeyValue.of(LowCardinalityKeyNames.STATUS, String.valueOf(status)) : STATUS_NONE;
	}

	static KeyValue exception(@Nullable Throwable error) {
		if (error == null) {
			return EXCEPTION_NONE;
		}
		String name = error.getClass().getSimpleName();
		return KeyValue.of(LowCardinalityKeyNames.EXCEPTION, name.isEmpty() ? error.getClass().getName() : name);
	}

	static KeyValue outcome(@Nullable Integer status, @Nullable Throwable error) {
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcomeOf(status, error));
	}

	private static String outcomeOf(@Nullable Integer status, @Nullable Throwable error) {
		if (isRejection(error)) {
			return "REJECTED";
		}
		if (status != null) {
			if (status >= 500) {
				return "SERVER_ERROR";
			}
			if (status >= 400) {
				return "CLIENT_ERROR";
			}
		}
		if (error != null) {
			return "ERROR";
		}
		return "SUCCESS";
	}

	// an invalid or unsupported event, whichever exception an adapter wrapped it in
	private static boolean isRejection(@Nullable Throwable error) {
		for (Throwable ex = error; ex != null; ex = (ex.getCause() != ex) ? ex.getCause() : null) {
			if (ex instanceof InvalidCloudEventException) {
				return true;
			}
		}
		return error instanceof CloudEventRequestException;
	}

	private static String contentMode(@Nullable ContentMode contentMode, boolean batch) {
		if (batch) {
			return "batch";
		}
		return (contentMode != null) ? contentMode.name().toLowerCase(Locale.ROOT) : KeyValue.NONE_VALUE;
	}

	private static String common(List<CloudEvent> events, Function<CloudEvent, String> attribute) {
		if (events.isEmpty()) {
			return KeyValue.NONE_VALUE;
		}
		String first = attribute.apply(events.get(0));
		for (int i = 1; i < events.size(); i++) {
			if (!first.equals(attribute.apply(events.get(i)))) {
				return MIXED;
			}
		}
		return first;
	}

	static String contextualName(String operation, List<CloudEvent> events) {
		if (events.isEmpty()) {
			return operation;
		}
		String type = events.get(0).type();
		for (CloudEvent event : events) {
			if (!type.equals(event.type())) {
				return operation;
			}
		}
		return operation + " " + type;
	}

}
