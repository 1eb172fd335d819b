package dev.cloudevents.spring.observation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

/**
 * Context of a {@link CloudEventsObservationDocumentation#SEND cloudevents.send}
 * observation: the events of one delivery, how they travel and what came of it.
 * <p>
 * When the {@linkplain TraceContextExtension distributed-tracing extension} is on, the
 * tracer's propagation writes the current trace context into this context's carrier as
 * the observation starts, and {@link #getEvents()} then returns the events with
 * {@code traceparent} and {@code tracestate} added to those that had none. Only these two
 * W3C fields are taken; other propagation fields (B3, baggage) stay out of the event.
 *
 * @since 0.1.0
 */
public class CloudEventSendContext extends SenderContext<Map<String, String>> {

	private final List<CloudEvent> events;

	private final @Nullable ContentMode contentMode;

	private final String binding;

	private final String destination;

	private @Nullable List<CloudEvent> eventsToSend;

	private int attempts;

	private @Nullable Integer status;

	/**
	 * Create a context.
	 * @param events the event, or the events of a batch
	 * @param contentMode the content mode, or {@code null} for a batch
	 * @param binding the protocol binding, such as {@code http} or {@code kafka}
	 * @param destination where the events go: a URI, a topic
	 * @param addTraceContext whether to add the distributed-tracing extension to events
	 * that have none
	 */
	public CloudEventSendContext(List<CloudEvent> events, @Nullable ContentMode contentMode, String binding,
			String destination, boolean addTraceContext) {
		super(CloudEventSendContext::setTraceField, Kind.PRODUCER);
		this.events = List.copyOf(events);
		this.contentMode = contentMode;
		this.binding = binding;
		this.destination = destination;
		if (addTraceContext) {
			setCarrier(new LinkedHashMap<>(4));
		}
		setRemoteServiceAddress(destination);
	}

	private static void setTraceField(@Nullable Map<String, String> carrier, String key, String value) {
		if (carrier != null
				&& (TraceContextExtension.TRACEPARENT.equals(key) || TraceContextExtension.TRACESTATE.equals(key))) {
			carrier.put(key, value);
		}
	}

	/**
	 * Return the events to send: as given, or with the distributed-tracing extension
	 * added where it was missing once the observation has started.
	 * @return the events
	 */
	public List<CloudEvent> getEvents() {
		Map<String, String> traceContext = getCarrier();
		if (traceContext == null || traceContext.isEmpty()) {
			return this.events;
		}
		if (this.eventsToSend == null) {
			this.eventsToSend = TraceContextExtension.addWhereMissing(this.events, traceContext);
		}
		return this.eventsToSend;
	}

	/**
	 * Return the content mode.
	 * @return the content mode, or {@code null} for a batch
	 */
	public @Nullable ContentMode getContentMode() {
		return this.contentMode;
	}

	/**
	 * Return the protocol binding.
	 * @return {@code http} or {@code kafka}
	 */
	public String getBinding() {
		return this.binding;
	}

	/**
	 * Return where the events go.
	 * @return a URI or a topic
	 */
	public String getDestination() {
		return this.destination;
	}

	/**
	 * Return the number of attempts made so far.
	 * @return the number, from 1 once the first attempt has started
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Count one more attempt.
	 */
	public void attemptStarted() {
		this.attempts++;
	}

	/**
	 * Return the HTTP status of the last answer.
	 * @return the status, or {@code null} if there was none
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	/**
	 * Set the HTTP status of the last answer.
	 * @param status the status, or {@code null} if the last attempt got none
	 */
	public void setStatus(@Nullable Integer status) {
		this.status = status;
	}

}
