package dev.cloudevents.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.observation.CloudEventSendContext;
import dev.cloudevents.spring.observation.CloudEventSendObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;
import dev.cloudevents.spring.observation.DefaultCloudEventSendObservationConvention;
import dev.cloudevents.spring.support.EventLogging;
import dev.cloudevents.spring.support.RateLimitedLog;

/**
 * What both templates observe and log of a delivery: the {@code cloudevents.send}
 * observation, each event sent at DEBUG and each retry at WARN, once a minute per target
 * and outcome. Category {@code dev.cloudevents.spring.client}.
 */
final class SendObservations {

	private static final Log logger = LogFactory.getLog("dev.cloudevents.spring.client");

	private static final CloudEventSendObservationConvention DEFAULT_CONVENTION = new DefaultCloudEventSendObservationConvention();

	private final RateLimitedLog retries = new RateLimitedLog(logger);

	private ObservationRegistry registry = ObservationRegistry.NOOP;

	private @Nullable CloudEventSendObservationConvention convention;

	private boolean addTraceContext;

	void setRegistry(ObservationRegistry registry) {
		this.registry = registry;
	}

	void setConvention(CloudEventSendObservationConvention convention) {
		this.convention = convention;
	}

	void setAddTraceContext(boolean addTraceContext) {
		this.addTraceContext = addTraceContext;
	}

	/**
	 * Return the context of a delivery to observe, or {@code null} if nothing is observed
	 * (no registry): a send then costs nothing more.
	 */
	@Nullable CloudEventSendContext context(List<CloudEvent> events, @Nullable ContentMode mode, URI target) {
		if (this.registry.isNoop()) {
			return null;
		}
		return new CloudEventSendContext(events, mode, "http", target.toString(), this.addTraceContext);
	}

	Observation observation(CloudEventSendContext context, @Nullable Observation parent) {
		Observation observation = CloudEventsObservationDocumentation.SEND.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		return (parent != null) ? observation.parentObservation(parent) : observation;
	}

	static void failed(CloudEventSendContext context, Throwable failure) {
		if (failure instanceof CloudEventDeliveryException delivery) {
			context.setStatus(delivery.getStatusCode().value());
		}
	}

	static void sending(List<CloudEvent> events, @Nullable ContentMode mode) {
		EventLogging.debug(logger, "Sending", (mode != null) ? events.get(0) : events, mode);
	}

	void retrying(URI target, DeliveryAttempt attempt, Duration delay) {
		String outcome = attempt.outcome();
		this.retries.warn(target.getAuthority() + " " + outcome,
				() -> "Retrying a CloudEvent delivery to " + EventLogging.escape(target) + " in " + delay.toMillis()
						+ " ms: attempt " + attempt.number() + " got " + EventLogging.escape(outcome));
	}

}
