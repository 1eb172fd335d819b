package dev.cloudevents.spring.client;

import java.net.URI;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.observation.CloudEventSendObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;
import dev.cloudevents.spring.observation.DefaultCloudEventSendObservationConvention;
import dev.cloudevents.spring.observation.TraceContextExtension;

/**
 * Base class of {@link CloudEventTemplate} and {@link ReactiveCloudEventTemplate}: the
 * settings both are configured with, so that configuration code (such as Spring Boot's
 * auto-configuration) can set them on either. It is extended by these two templates only.
 *
 * @since 0.1.0
 */
public abstract class CloudEventTemplateSupport {

	final CloudEventHttpBinding binding;

	final ReplyReader replyReader;

	ContentMode contentMode = ContentMode.BINARY;

	private @Nullable URI source;

	private @Nullable URI sink;

	private RetryPolicy retryPolicy = new RetryPolicy(RetrySettings.defaults());

	final SendObservations observations = new SendObservations();

	CloudEventTemplateSupport(CloudEventHttpBinding binding) {
		this.binding = binding;
		this.replyReader = new ReplyReader(binding);
	}

	/**
	 * Set the content mode of the sends that name none. Default is binary.
	 * @param contentMode binary or structured
	 */
	public void setContentMode(ContentMode contentMode) {
		this.contentMode = contentMode;
	}

	/**
	 * Set the source of the events that {@code send(type, data)} builds.
	 * @param source the source, a URI reference
	 */
	public void setSource(URI source) {
		this.source = source;
	}

	/**
	 * Set the target of {@code send(type, data)}.
	 * @param sink an absolute {@code http} or {@code https} URI, or {@code null} for none
	 */
	public void setSink(@Nullable URI sink) {
		this.sink = sink;
	}

	/**
	 * Set when and how often failed attempts are retried. Default is
	 * {@link RetrySettings#defaults()}.
	 * @param retrySettings the settings
	 */
	public void setRetrySettings(RetrySettings retrySettings) {
		this.retryPolicy = new RetryPolicy(retrySettings);
	}

	/**
	 * Set the largest reply read as an event; a longer one fails {@code sendAndReceive}
	 * and {@code exchange} with an {@link InvalidCloudEventException}. Default is 1MB, as
	 * {@code cloudevents.http.max-body-size}; a negative size means no limit.
	 * @param maxBodySize the limit
	 */
	public void setMaxBodySize(DataSize maxBodySize) {
		this.replyReader.setMaxBodySize(maxBodySize);
	}

	/**
	 * Set the registry that observes each delivery as a
	 * {@link CloudEventsObservationDocumentation#SEND cloudevents.send} observation, the
	 * parent of the client's observation of each attempt. Default is
	 * {@link ObservationRegistry#NOOP}: nothing is observed.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observations.setRegistry(observationRegistry);
	}

	/**
	 * Set the convention to use instead of
	 * {@link DefaultCloudEventSendObservationConvention}.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(CloudEventSendObservationConvention observationConvention) {
		this.observations.setConvention(observationConvention);
	}

	/**
	 * Set whether to add the {@linkplain TraceContextExtension distributed-tracing
	 * extension} of the current trace to events that have none, when a tracer observes
	 * the deliveries. Default is {@code false}.
	 * @param traceContextExtension whether to add it
	 */
	public void setTraceContextExtension(boolean traceContextExtension) {
		this.observations.setAddTraceContext(traceContextExtension);
	}

	URI sink() {
		if (this.sink == null) {
			throw new IllegalStateException(
					"No CloudEvents sink configured: set 'cloudevents.http.sink' (for example to ${K_SINK:}) "
							+ "or send to an explicit target");
		}
		return this.sink;
	}

	CloudEvent event(String type, @Nullable Object data) {
		if (this.source == null) {
			throw new IllegalStateException(
					"No CloudEvents source configured: set 'cloudevents.source' or the template's source");
		}
		return CloudEvent.builder().source(this.source).type(type).data(data).build();
	}

	DeliveryAttempts attempts() {
		return new DeliveryAttempts(this.retryPolicy);
	}

	static CloudEventConnectionException connectionFailure(URI target, Throwable ex) {
		return new CloudEventConnectionException(target, (ex.getCause() != null) ? ex.getCause() : ex);
	}

}
