package dev.cloudevents.spring.client;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.client.RetryPolicy.Decision;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.observation.CloudEventSendContext;

/**
 * Sends CloudEvents over HTTP with a {@link RestClient}, in binary or structured content
 * mode, and reads the events that targets reply with. Spring Boot auto-configures one
 * from the application's {@code RestClient.Builder} and the {@code cloudevents.*}
 * properties. <pre class="code">
 * template.send(URI.create("http://broker/"), event);
 * Optional&lt;CloudEvent&gt; reply = template.sendAndReceive(uri, event, ContentMode.STRUCTURED);
 * template.send("com.example.order.created", order); // to the configured sink
 * </pre>
 * <p>
 * Requests are written with the {@link CloudEventHttpBinding} directly, so they do not
 * depend on the message converters of the client. Failed attempts are retried as
 * {@link RetrySettings} describes; the calling thread waits in between.
 * <p>
 * Errors, after the retries: a target that answers with a status other than 2xx raises a
 * {@link CloudEventDeliveryException} (except from {@link #exchange}, which returns any
 * status); a target that cannot be reached raises a
 * {@link CloudEventConnectionException}. Both list every {@link DeliveryAttempt attempt}.
 * A reply that claims to be a CloudEvent but is not a valid one raises an
 * {@link InvalidCloudEventException}, without a retry. A send either succeeds or raises.
 * <p>
 * With an {@linkplain #setObservationRegistry observation registry}, each delivery is one
 * {@code cloudevents.send} observation, every attempt the {@code RestClient}'s child
 * observation; each event sent is logged at DEBUG and each retry at WARN (at most once a
 * minute per target and outcome), in category {@code dev.cloudevents.spring.client}.
 * <p>
 * Configure an instance before its first send; then it is thread-safe.
 *
 * @see ReactiveCloudEventTemplate
 */
public class CloudEventTemplate extends CloudEventTemplateSupport {

	private final RestClient restClient;

	/**
	 * Create a template that sends in binary content mode, retries with
	 * {@link RetrySettings#defaults()} and has no source and no sink until they are set.
	 * @param restClient the client that sends the requests
	 * @param binding the binding that writes events and reads replies
	 */
	public CloudEventTemplate(RestClient restClient, CloudEventHttpBinding binding) {
		super(binding);
		this.restClient = restClient;
	}

	/**
	 * Send an event in the configured content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @throws CloudEventDeliveryException if the target answers with a status other than
	 * 2xx, after any retries
	 * @throws CloudEventConnectionException if the target cannot be reached, after any
	 * retries
	 */
	public void send(URI target, CloudEvent event) {
		send(target, event, this.contentMode);
	}

	/**
	 * Send an event in the given content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @param mode binary or structured
	 * @throws CloudEventDeliveryException if the target answers with a status other than
	 * 2xx, after any retries
	 * @throws CloudEventConnectionException if the target cannot be reached, after any
	 * retries
	 */
	public void send(URI target, CloudEvent event, ContentMode mode) {
		deliver(target, List.of(event), mode, true, false);
	}

	/**
	 * Send events as one batch ({@code application/cloudevents-batch+json}).
	 * @param target the URI to post the batch to
	 * @param events the events, all of one spec version
	 * @throws CloudEventDeliveryException if the target answers with a status other than
	 * 2xx, after any retries
	 * @throws CloudEventConnectionException if the target cannot be reached, after any
	 * retries
	 */
	public void sendBatch(URI target, List<CloudEvent> events) {
		deliver(target, events, null, true, false);
	}

	/**
	 * Send an event in the configured content mode and return the event the target
	 * replied with, in either content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @return the reply event, or empty if the response carries none
	 * @throws CloudEventDeliveryException if the target answers with a status other than
	 * 2xx, after any retries
	 * @throws CloudEventConnectionException if the target cannot be reached, after any
	 * retries
	 * @throws InvalidCloudEventException if the target accepted the event but replied
	 * with a message that is not a valid CloudEvent
	 */
	public Optional<CloudEvent> sendAndReceive(URI target, CloudEvent event) {
		return sendAndReceive(target, event, this.contentMode);
	}

	/**
	 * Send an event in the given content mode and return the event the target replied
	 * with, in either content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @param mode binary or structured
	 * @return the reply event, or empty if the response carries none
	 * @throws CloudEventDeliveryException if the target answers with a status other than
	 * 2xx, after any retries
	 * @throws CloudEventConnectionException if the target cannot be reached, after any
	 * retries
	 * @throws InvalidCloudEventException if the target accepted the event but replied
	 * with a message that is not a valid CloudEvent
	 */
	public Optional<CloudEvent> sendAndReceive(URI target, CloudEvent event, ContentMode mode) {
		return Optional.ofNullable(deliver(target, List.of(event), mode, true, true).event());
	}

	/**
	 * Build an event with the configured source, the given type and data, a new id and
	 * the current time, and send it to the configured sink in the configured content
	 * mode.
	 * @param type the event type, such as {@code com.example.order.created}
	 * @param data the data: an object (written as JSON), a {@code String} or bytes; or
	 * {@code null} for none
	 * @return the event that was sent
	 * @throws IllegalStateException if no sink is configured
	 * ({@code cloudevents.http.sink})
	 * @throws CloudEventDeliveryException if the sink answers with a status other than
	 * 2xx, after any retries
	 * @throws CloudEventConnectionException if the sink cannot be reached, after any
	 * retries
	 */
	public CloudEvent send(String type, @Nullable Object data) {
		URI target = sink();
		CloudEvent event = event(type, data);
		send(target, event);
		return event;
	}

	/**
	 * Send an event in the given content mode and return what the target answered,
	 * whatever the status.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @param mode binary or structured
	 * @return the status, headers and reply event of the first response, after retrying
	 * connection failures
	 * @throws CloudEventConnectionException if the target cannot be reached, after any
	 * retries
	 * @throws InvalidCloudEventException if the target replied with a message that is not
	 * a valid CloudEvent
	 */
	public CloudEventResponse exchange(URI target, CloudEvent event, ContentMode mode) {
		return deliver(target, List.of(event), mode, false, true);
	}

	/**
	 * Deliver an event in the given mode, or a batch (no mode), observed if there is a
	 * registry. A send that wants no reply does not read one: a delivered event must not
	 * fail on what the target answered with it.
	 */
	private CloudEventResponse deliver(URI target, List<CloudEvent> events, @Nullable ContentMode mode,
			boolean requireSuccess, boolean readReply) {
		CloudEventSendContext context = this.observations.context(events, mode, target);
		if (context == null) {
			CloudEventHttpMessage message = encode(events, mode);
			return withRetries(target, null, () -> exchange(target, message, requireSuccess, readReply));
		}
		Observation observation = this.observations.observation(context, null).start();
		try (Observation.Scope scope = observation.openScope()) {
			// the events as sent: with the trace context the observation's start added
			CloudEventHttpMessage message = encode(context.getEvents(), mode);
			CloudEventResponse response = withRetries(target, context,
					() -> exchange(target, message, requireSuccess, readReply));
			context.setStatus(response.status().value());
			return response;
		}
		catch (RuntimeException ex) {
			SendObservations.failed(context, ex);
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private CloudEventHttpMessage encode(List<CloudEvent> events, @Nullable ContentMode mode) {
		SendObservations.sending(events, mode);
		return (mode != null) ? this.binding.toHttp(events.get(0), mode) : this.binding.toBatch(events);
	}

	private CloudEventResponse withRetries(URI target, @Nullable CloudEventSendContext context,
			Supplier<CloudEventResponse> attempt) {
		DeliveryAttempts attempts = attempts();
		while (true) {
			attempts.start();
			if (context != null) {
				context.attemptStarted();
			}
			try {
				return attempt.get();
			}
			catch (CloudEventDeliveryException | CloudEventConnectionException ex) {
				Decision decision = attempts.failed(ex);
				Duration delay = decision.delay();
				if (delay == null) {
					throw attempts.giveUp(ex, decision.reason());
				}
				if (context != null) {
					SendObservations.failed(context, ex);
				}
				this.observations.retrying(target, attempts.last(), delay);
				try {
					// the backoff between attempts, on the caller's thread as the send is
					// blocking anyway
					TimeUnit.NANOSECONDS.sleep(delay.toNanos());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw attempts.giveUp(ex, "interrupted while waiting to retry");
				}
			}
		}
	}

	private CloudEventResponse exchange(URI target, CloudEventHttpMessage message, boolean requireSuccess,
			boolean readReply) {
		try {
			return this.restClient.post().uri(target).headers((headers) -> {
				headers.addAll(message.headers());
				headers.setContentLength(message.body().length);
			}).body((out) -> out.write(message.body())).exchangeForRequiredValue((request, response) -> {
				HttpHeaders headers = HttpHeaders.copyOf(response.getHeaders());
				InputStream body = response.getBody();
				if (requireSuccess && !response.getStatusCode().is2xxSuccessful()) {
					throw this.replyReader.deliveryFailure(target, response.getStatusCode(), headers,
							body.readNBytes(ReplyReader.MAX_UNWANTED_BODY));
				}
				if (!readReply) {
					// read to its end if short, so that the connection can serve the next
					// send; a long one is not read at all
					body.skip(ReplyReader.MAX_UNWANTED_BODY);
					return new CloudEventResponse(response.getStatusCode(), headers, null, null);
				}
				// one byte more than allowed tells a reply too long without
				// reading all of it
				int max = this.replyReader.maxReplyBytes();
				byte[] reply = (max < 0) ? body.readAllBytes() : body.readNBytes(max + 1);
				if (max >= 0 && reply.length > max) {
					throw this.replyReader.replyTooLong();
				}
				return this.replyReader.response(response.getStatusCode(), headers, reply);
			}, true);
		}
		catch (ResourceAccessException ex) {
			throw connectionFailure(target, ex);
		}
	}

}
