package dev.cloudevents.spring.observation;

import java.util.List;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

/**
 * Context of a {@link CloudEventsObservationDocumentation#RECEIVE cloudevents.receive}
 * observation: the events handed to a handler (none when they were rejected), how they
 * came and what came of it.
 * <p>
 * It is no receiver context on purpose: the trace continues from the transport (the
 * server's or listener's observation, its parent), and an event's {@code traceparent} of
 * another trace than the transport's is {@linkplain #getLinkedTraceparents() a link}, not
 * the parent, as the extension carries the trace that started the event's journey, not
 * the last hop.
 *
 * @since 0.1.0
 */
public class CloudEventReceiveContext extends Observation.Context {

	private final String binding;

	private @Nullable String transportTraceparent;

	private @Nullable ContentMode contentMode;

	private boolean batch;

	private List<CloudEvent> events = List.of();

	private @Nullable Integer status;

	/**
	 * Create a context.
	 * @param binding the protocol binding, such as {@code http} or {@code kafka}
	 */
	public CloudEventReceiveContext(String binding) {
		this.binding = binding;
	}

	/**
	 * Return the protocol binding.
	 * @return {@code http} or {@code kafka}
	 */
	public String getBinding() {
		return this.binding;
	}

	/**
	 * Return the {@code traceparent} header of the message that carried the events.
	 * @return the header value, or {@code null} if there was none
	 */
	public @Nullable String getTransportTraceparent() {
		return this.transportTraceparent;
	}

	/**
	 * Set the {@code traceparent} header of the message that carried the events.
	 * @param transportTraceparent the header value, or {@code null}
	 */
	public void setTransportTraceparent(@Nullable String transportTraceparent) {
		this.transportTraceparent = transportTraceparent;
	}

	/**
	 * Return the content mode of a single event.
	 * @return the content mode, or {@code null} for a batch or a message that is no
	 * CloudEvent
	 */
	public @Nullable ContentMode getContentMode() {
		return this.contentMode;
	}

	/**
	 * Set the content mode of a single event.
	 * @param contentMode the content mode, or {@code null}
	 */
	public void setContentMode(@Nullable ContentMode contentMode) {
		this.contentMode = contentMode;
	}

	/**
	 * Return whether the message is a batch.
	 * @return whether it is
	 */
	public boolean isBatch() {
		return this.batch;
	}

	/**
	 * Set whether the message is a batch.
	 * @param batch whether it is
	 */
	public void setBatch(boolean batch) {
		this.batch = batch;
	}

	/**
	 * Return the events read.
	 * @return the event, the events of a batch, or none if they could not be read
	 */
	public List<CloudEvent> getEvents() {
		return this.events;
	}

	/**
	 * Set the events read.
	 * @param events the event or the events of a batch
	 */
	public void setEvents(List<CloudEvent> events) {
		this.events = events;
	}

	/**
	 * Return the HTTP status answered.
	 * @return the status, or {@code null} for none
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	/**
	 * Set the HTTP status answered.
	 * @param status the status, or {@code null}
	 */
	public void setStatus(@Nullable Integer status) {
		this.status = status;
	}

	/**
	 * Return the distinct {@code traceparent} extensions of the events whose trace
	 * differs from the {@linkplain #getTransportTraceparent() transport's}: the traces a
	 * tracer records as links of this observation's span.
	 * @return the values, often none
	 */
	public List<String> getLinkedTraceparents() {
		return TraceContextExtension.differingFrom(this.events, this.transportTraceparent);
	}

}
