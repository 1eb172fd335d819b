package dev.cloudevents.spring.test;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.web.reactive.function.BodyInserter;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttp;

/**
 * {@link BodyInserter}s that write CloudEvents into a {@code WebTestClient} or
 * {@code WebClient} request, headers and body, whatever codecs the client has:
 * <pre class="code">
 * import static dev.cloudevents.spring.test.CloudEventBodyInserters.*;
 *
 * webTestClient.post().uri("/orders").body(binary(event)).exchange().expectStatus().isAccepted();
 * webTestClient.post().uri("/orders").body(structured(event)).exchange();
 * webTestClient.post().uri("/orders/batch").body(batch(created, shipped)).exchange();
 * </pre> The events are written as {@link CloudEventHttp} writes them; for
 * {@code MockMvc}, see {@link CloudEventRequests}.
 */
public final class CloudEventBodyInserters {

	private CloudEventBodyInserters() {
	}

	/**
	 * Write an event in binary content mode.
	 * @param event the event
	 * @return the inserter
	 */
	public static BodyInserter<CloudEvent, ReactiveHttpOutputMessage> binary(CloudEvent event) {
		var message = CloudEventHttp.toBinary(event);
		return (output, context) -> write(output, message.headers(), message.body());
	}

	/**
	 * Write an event in structured content mode.
	 * @param event the event
	 * @return the inserter
	 */
	public static BodyInserter<CloudEvent, ReactiveHttpOutputMessage> structured(CloudEvent event) {
		var message = CloudEventHttp.toStructured(event);
		return (output, context) -> write(output, message.headers(), message.body());
	}

	/**
	 * Write events in batched content mode.
	 * @param events the events, all of one spec version
	 * @return the inserter
	 */
	public static BodyInserter<List<CloudEvent>, ReactiveHttpOutputMessage> batch(List<CloudEvent> events) {
		var message = CloudEventHttp.toBatch(events);
		return (output, context) -> write(output, message.headers(), message.body());
	}

	/**
	 * Write events in batched content mode.
	 * @param events the events, all of one spec version
	 * @return the inserter
	 */
	public static BodyInserter<List<CloudEvent>, ReactiveHttpOutputMessage> batch(CloudEvent... events) {
		return batch(List.of(events));
	}

	private static Mono<Void> write(ReactiveHttpOutputMessage output, HttpHeaders headers, byte[] body) {
		output.getHeaders().putAll(headers);
		output.getHeaders().setContentLength(body.length);
		return output.writeWith(Mono.fromSupplier(() -> output.bufferFactory().wrap(body)));
	}

}
