package dev.cloudevents.spring.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.client.RetryPolicy.Decision;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.observation.CloudEventSendContext;

/**
 * Sends CloudEvents over HTTP with a {@link WebClient}, in binary or structured content
 * mode, and reads the events that targets reply with: the reactive counterpart of
 * {@link CloudEventTemplate}. Spring Boot auto-configures one from the application's
 * {@code WebClient.Builder} and the {@code cloudevents.*} properties. Nothing is sent
 * until the returned {@link Mono} is subscribed to. <pre class="code">
 * Mono&lt;Void&gt; sent = template.send(URI.create("http://broker/"), event);
 * Mono&lt;CloudEvent&gt; reply = template.sendAndReceive(uri, event, ContentMode.STRUCTURED);
 * </pre>
 * <p>
 * Requests are written with the {@link CloudEventHttpBinding} directly and responses read
 * as raw buffers, so they do not depend on the codecs of the client. Failed attempts are
 * retried as {@link RetrySettings} describes; the waits are timers of Reactor's parallel
 * scheduler, no thread is blocked.
 * <p>
 * Errors, signalled by the returned {@code Mono} after the retries: a target that answers
 * with a status other than 2xx gives a {@link CloudEventDeliveryException} (except
 * {@link #exchange}, which returns any status); a target that cannot be reached gives a
 * {@link CloudEventConnectionException}. Both list every {@link DeliveryAttempt attempt}.
 * A reply that claims to be a CloudEvent but is not a valid one gives an
 * {@link InvalidCloudEventException}, without a retry. A send either completes or signals
 * an error.
 * <p>
 * With an {@linkplain #setObservationRegistry observation registry}, each delivery is one
 * {@code cloudevents.send} observation, a child of the one in the subscriber's Reactor
 * context, every attempt the {@code WebClient}'s child observation; each event sent is
 * logged at DEBUG and each retry at WARN (at most once a minute per target and outcome),
 * in category {@code dev.cloudevents.spring.client}.
 * <p>
 * Configure an instance before its first send; then it is thread-safe.
 */
public class ReactiveCloudEventTemplate extends CloudEventTemplateSupport {

	private static final byte[] NO_BODY = new byte[0];

	private final WebClient webClient;

	/**
	 * Create a template that sends in binary content mode, retries with
	 * {@link RetrySettings#defaults()} and has no source and no sink until they are set.
	 * @param webClient the client that sends the requests
	 * @param binding the binding that writes events and reads replies
	 */
	public ReactiveCloudEventTemplate(WebClient webClient, CloudEventHttpBinding binding) {
		super(binding);
		this.webClient = webClient;
	}

	/**
	 * Send an event in the configured content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @return completes when the target has answered with 2xx
	 */
	public Mono<Void> send(URI target, CloudEvent event) {
		return send(target, event, this.contentMode);
	}

	/**
	 * Send an event in the given content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @param mode binary or structured
	 * @return completes when the target has answered with 2xx
	 */
	public Mono<Void> send(URI target, CloudEvent event, ContentMode mode) {
		return deliver(target, List.of(event), mode, true, false).then();
	}

	/**
	 * Send events as one batch ({@code application/cloudevents-batch+json}).
	 * @param target the URI to post the batch to
	 * @param events the events, all of one spec version
	 * @return completes when the target has answered with 2xx
	 */
	public Mono<Void> sendBatch(URI target, List<CloudEvent> events) {
		return deliver(target, events, null, true, false).then();
	}

	/**
	 * Send an event in the configured content mode and return the event the target
	 * replied with, in either content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @return the reply event, or empty if the response carries none; an
	 * {@link InvalidCloudEventException} if the target accepted the event but replied
	 * with a message that is not a valid CloudEvent
	 */
	public Mono<CloudEvent> sendAndReceive(URI target, CloudEvent event) {
		return sendAndReceive(target, event, this.contentMode);
	}

	/**
	 * Send an event in the given content mode and return the event the target replied
	 * with, in either content mode.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @param mode binary or structured
	 * @return the reply event, or empty if the response carries none; an
	 * {@link InvalidCloudEventException} if the target accepted the event but replied
	 * with a message that is not a valid CloudEvent
	 */
	public Mono<CloudEvent> sendAndReceive(URI target, CloudEvent event, ContentMode mode) {
		return deliver(target, List.of(event), mode, true, true)
			.flatMap((response) -> Mono.justOrEmpty(response.event()));
	}

	/**
	 * Build an event with the configured source, the given type and data, a new id and
	 * the current time, and send it to the configured sink in the configured content
	 * mode.
	 * @param type the event type, such as {@code com.example.order.created}
	 * @param data the data: an object (written as JSON), a {@code String} or bytes; or
	 * {@code null} for none
	 * @return the event that was sent, once the sink has answered with 2xx; an
	 * {@link IllegalStateException} if no sink is configured
	 * ({@code cloudevents.http.sink})
	 */
	public Mono<CloudEvent> send(String type, @Nullable Object data) {
		return Mono.defer(() -> {
			URI target = sink();
			CloudEvent event = event(type, data);
			return send(target, event).thenReturn(event);
		});
	}

	/**
	 * Send an event in the given content mode and return what the target answered,
	 * whatever the status.
	 * @param target the URI to post the event to
	 * @param event the event
	 * @param mode binary or structured
	 * @return the status, headers and reply event of the first response, after retrying
	 * connection failures; an {@link InvalidCloudEventException} if the target replied
	 * with a message that is not a valid CloudEvent
	 */
	public Mono<CloudEventResponse> exchange(URI target, CloudEvent event, ContentMode mode) {
		return deliver(target, List.of(event), mode, false, true);
	}

	/**
	 * Deliver an event in the given mode, or a batch (no mode), observed if there is a
	 * registry, as a child of the observation in the subscriber's Reactor context. A send
	 * that wants no reply does not read one: a delivered event must not fail on what the
	 * target answered with it.
	 */
	private Mono<CloudEventResponse> deliver(URI target, List<CloudEvent> events, @Nullable ContentMode mode,
			boolean requireSuccess, boolean readReply) {
		return Mono.deferContextual((reactorContext) -> {
			CloudEventSendContext context = this.observations.context(events, mode, target);
			if (context == null) {
				return withRetries(target, null,
						exchange(target, () -> encode(events, mode), requireSuccess, readReply));
			}
			Observation observation = this.observations
				.observation(context, reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			// the events as sent: with the trace context the observation's start added
			return withRetries(target, context,
					exchange(target, () -> encode(context.getEvents(), mode), requireSuccess, readReply))
				// stopped before the subscriber hears of the outcome
				.doOnSuccess((response) -> {
					if (response != null) {
						context.setStatus(response.status().value());
					}
					observation.stop();
				})
				.doOnError((ex) -> {
					SendObservations.failed(context, ex);
					observation.error(ex);
					observation.stop();
				})
				.doOnCancel(observation::stop)
				.contextWrite((inner) -> inner.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private CloudEventHttpMessage encode(List<CloudEvent> events, @Nullable ContentMode mode) {
		SendObservations.sending(events, mode);
		return (mode != null) ? this.binding.toHttp(events.get(0), mode) : this.binding.toBatch(events);
	}

	private Mono<CloudEventResponse> withRetries(URI target, @Nullable CloudEventSendContext context,
			Mono<CloudEventResponse> attempt) {
		return Mono.defer(() -> attempt(target, context, attempt, attempts()));
	}

	private Mono<CloudEventResponse> attempt(URI target, @Nullable CloudEventSendContext context,
			Mono<CloudEventResponse> attempt, DeliveryAttempts attempts) {
		return Mono.defer(() -> {
			attempts.start();
			if (context != null) {
				context.attemptStarted();
			}
			return attempt;
		}).onErrorResume(DeliveryAttempts::isRetryable, (ex) -> {
			RuntimeException failure = (RuntimeException) ex;
			Decision decision = attempts.failed(failure);
			Duration delay = decision.delay();
			if (delay == null) {
				return Mono.error(attempts.giveUp(failure, decision.reason()));
			}
			if (context != null) {
				SendObservations.failed(context, failure);
			}
			this.observations.retrying(target, attempts.last(), delay);
			return Mono.delay(delay).then(Mono.defer(() -> attempt(target, context, attempt, attempts)));
		});
	}

	private Mono<CloudEventResponse> exchange(URI target, Supplier<CloudEventHttpMessage> messageSupplier,
			boolean requireSuccess, boolean readReply) {
		return Mono.defer(() -> {
			CloudEventHttpMessage message = messageSupplier.get();
			return this.webClient.post().uri(target).headers((headers) -> {
				headers.addAll(message.headers());
				headers.setContentLength(message.body().length);
			})
				.body(BodyInserters
					.fromDataBuffers(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(message.body()))))
				.exchangeToMono((response) -> read(target, response, requireSuccess, readReply));
		}).onErrorMap(WebClientRequestException.class, (ex) -> connectionFailure(target, ex));
	}

	private Mono<CloudEventResponse> read(URI target, ClientResponse response, boolean requireSuccess,
			boolean readReply) {
		HttpHeaders headers = HttpHeaders.copyOf(response.headers().asHttpHeaders());
		if (requireSuccess && !response.statusCode().is2xxSuccessful()) {
			return body(response, ReplyReader.MAX_UNWANTED_BODY)
				.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(NO_BODY))
				.flatMap((body) -> Mono
					.error(this.replyReader.deliveryFailure(target, response.statusCode(), headers, body)));
		}
		if (!readReply) {
			return response.releaseBody()
				.thenReturn(new CloudEventResponse(response.statusCode(), headers, null, null));
		}
		return body(response, this.replyReader.maxReplyBytes())
			.onErrorMap(DataBufferLimitException.class, (ex) -> this.replyReader.replyTooLong())
			.handle((body, sink) -> sink.next(this.replyReader.response(response.statusCode(), headers, body)));
	}

	private static Mono<byte[]> body(ClientResponse response, int maxBytes) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), maxBytes).map((buffer) -> {
			byte[] body = new byte[buffer.readableByteCount()];
			buffer.read(body);
			DataBufferUtils.release(buffer);
			return body;
		}).defaultIfEmpty(NO_BODY);
	}

}
