package dev.cloudevents.spring.boot.autoconfigure;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.observation.CloudEventReceiveContext;

/**
 * Creates the span of a {@code cloudevents.receive} observation whose events carry a
 * {@code traceparent} extension that differs from the transport's: a child of the
 * server's or listener's span, as any, with a link to each trace the extensions name.
 * Ordered before Micrometer Tracing's default handler, which handles every other
 * observation.
 */
class EventLinkingTracingObservationHandler extends DefaultTracingObservationHandler {

	EventLinkingTracingObservationHandler(Tracer tracer) {
		super(tracer);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof CloudEventReceiveContext receive && !receive.getLinkedTraceparents().isEmpty();
	}

	@Override
	public void onStart(Observation.Context context) {
		Span parent = getParentSpan(context);
		Span.Builder builder = getTracer().spanBuilder();
		if (parent != null) {
			builder.setParent(parent.context());
		}
		else {
			builder.setNoParent();
		}
		List<String> traceparents = ((CloudEventReceiveContext) context).getLinkedTraceparents();
		for (String traceparent : traceparents) {
			TraceContext linked = parse(traceparent);
			if (linked != null) {
				builder.addLink(new Link(linked));
			}
		}
		getTracingContext(context).setSpan(builder.name(getSpanName(context)).start());
	}

	/**
	 * Read a W3C {@code traceparent} of version 00 or a later one (whose first four
	 * fields are the same); {@code null} if it is malformed or all zeros.
	 */
	private @Nullable TraceContext parse(String traceparent) {
		String value = traceparent.trim();
		if (value.length() < 55 || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-'
				|| (value.length() > 55 && value.charAt(55) != '-') || value.startsWith("ff")) {
			return null;
		}
		String traceId = value.substring(3, 35);
		String spanId = value.substring(36, 52);
		String flags = value.substring(53, 55);
		if (!isLowerHex(traceId) || !isLowerHex(spanId) || !isLowerHex(flags) || isZero(traceId) || isZero(spanId)) {
			return null;
		}
		return getTracer().traceContextBuilder()
			.traceId(traceId)
			.spanId(spanId)
			.sampled((Integer.parseInt(flags, 16) & 1) == 1)
			.build();
	}

	private static boolean isLowerHex(String value) {
		return value.chars().allMatch((c) -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
	}

	private static boolean isZero(String value) {
		return value.chars().allMatch((c) -> c == '0');
	}

}
