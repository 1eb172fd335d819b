package dev.cloudevents.spring.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;

/**
 * The distributed-tracing extension of CloudEvents: {@code traceparent} and
 * {@code tracestate}, W3C Trace Context carried in the event itself. It carries the trace
 * that started the event's journey, so it is added where it is missing and never
 * replaced; each hop's own context travels in the transport's headers. On receipt, an
 * extension naming another trace than the transport's becomes a span link.
 *
 * @since 0.1.0
 * @see <a href=
 * "https://github.com/cloudevents/spec/blob/main/cloudevents/extensions/distributed-tracing.md">Distributed
 * Tracing extension</a>
 */
public final class TraceContextExtension {

	/** Name of the extension attribute with the W3C {@code traceparent}. */
	public static final String TRACEPARENT = "traceparent";

	/** Name of the extension attribute with the W3C {@code tracestate}. */
	public static final String TRACESTATE = "tracestate";

	private TraceContextExtension() {
	}

	/**
	 * Return the event's {@code traceparent}, if it has a non-empty one.
	 * @param event the event
	 * @return the value, or {@code null}
	 */
	public static @Nullable String traceparent(CloudEvent event) {
		Object value = event.extension(TRACEPARENT);
		return (value != null && !value.toString().isEmpty()) ? value.toString() : null;
	}

	/**
	 * Add the given trace context to the events that have no {@code traceparent}; the
	 * others are returned as they are, whatever their {@code tracestate}.
	 * @param events the events
	 * @param traceContext the {@code traceparent} and, if any, {@code tracestate} to add
	 * @return the events, in their order
	 */
	static List<CloudEvent> addWhereMissing(List<CloudEvent> events, Map<String, String> traceContext) {
		String traceparent = traceContext.get(TRACEPARENT);
		if (traceparent == null) {
			return events;
		}
		String tracestate = traceContext.get(TRACESTATE);
		List<CloudEvent> result = new ArrayList<>(events.size());
		for (CloudEvent event : events) {
			if (traceparent(event) != null) {
				result.add(event);
				continue;
			}
			CloudEvent.Builder builder = event.mutate().extension(TRACEPARENT, traceparent);
			if (tracestate != null && !tracestate.isEmpty()) {
				builder.extension(TRACESTATE, tracestate);
			}
			result.add(builder.build());
		}
		return List.copyOf(result);
	}

	/**
	 * Return the distinct {@code traceparent} values of the events whose trace differs
	 * from the transport's: the traces to link to rather than continue. One of the same
	 * trace names an earlier span of the trace the transport continues, which needs no
	 * link.
	 */
	static List<String> differingFrom(List<CloudEvent> events, @Nullable String transportTraceparent) {
		List<String> result = new ArrayList<>(1);
		String transportTrace = traceId(transportTraceparent);
		for (CloudEvent event : events) {
			String traceparent = traceparent(event);
			if (traceparent != null && !result.contains(traceparent)
					&& (transportTrace == null || !transportTrace.equalsIgnoreCase(traceId(traceparent)))) {
				result.add(traceparent);
			}
		}
		return result;
	}

	// version-traceid-parentid-flags: the trace id is the second field
	private static @Nullable String traceId(@Nullable String traceparent) {
		if (traceparent == null) {
			return null;
		}
		String value = traceparent.trim();
		return (value.length() >= 35 && value.charAt(2) == '-') ? value.substring(3, 35) : null;
	}

}
