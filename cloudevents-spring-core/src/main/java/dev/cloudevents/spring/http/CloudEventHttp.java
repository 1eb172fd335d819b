package dev.cloudevents.spring.http;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * The CloudEvents HTTP binding in a few functions, as in the Python SDK: write an event
 * in binary or structured mode or a batch, and read whatever arrives. Uses a default
 * {@link CloudEventHttpBinding}; in a Spring application, prefer the converters and the
 * template, which use the application's {@code JsonMapper}. <pre class="code">
 * CloudEventHttpMessage message = CloudEventHttp.toBinary(event);
 * CloudEvent received = CloudEventHttp.fromHttp(message.headers(), message.body());
 * </pre>
 *
 * @since 0.1.0
 */
public final class CloudEventHttp {

	private static final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private CloudEventHttp() {
	}

	/**
	 * Write an event in binary content mode.
	 * @param event the event
	 * @return the headers and body
	 * @see CloudEventHttpBinding#toBinary(CloudEvent)
	 */
	public static CloudEventHttpMessage toBinary(CloudEvent event) {
		return binding.toBinary(event);
	}

	/**
	 * Write an event in structured content mode.
	 * @param event the event
	 * @return the headers and body
	 * @see CloudEventHttpBinding#toStructured(CloudEvent)
	 */
	public static CloudEventHttpMessage toStructured(CloudEvent event) {
		return binding.toStructured(event);
	}

	/**
	 * Write events in batched content mode.
	 * @param events the events, all of one spec version
	 * @return the headers and body
	 * @see CloudEventHttpBinding#toBatch(List)
	 */
	public static CloudEventHttpMessage toBatch(List<CloudEvent> events) {
		return binding.toBatch(events);
	}

	/**
	 * Read one event, detecting binary or structured content mode.
	 * @param headers the headers
	 * @param body the body bytes
	 * @return the event
	 * @throws InvalidCloudEventException if the message is not a valid CloudEvent
	 * @see CloudEventHttpBinding#fromHttp(HttpHeaders, byte[])
	 */
	public static CloudEvent fromHttp(HttpHeaders headers, byte[] body) {
		return binding.fromHttp(headers, body);
	}

	/**
	 * Read one event from plain string headers, detecting binary or structured content
	 * mode, as the Python SDK's {@code from_http(headers, body)} does. Header names
	 * compare case-insensitively.
	 * @param headers the headers by name, such as {@code ce-id} and {@code Content-Type}
	 * @param body the body bytes
	 * @return the event
	 * @throws InvalidCloudEventException if the message is not a valid CloudEvent
	 */
	public static CloudEvent fromHttp(Map<String, String> headers, byte[] body) {
		HttpHeaders httpHeaders = new HttpHeaders();
		headers.forEach(httpHeaders::add);
		return binding.fromHttp(httpHeaders, body);
	}

	/**
	 * Read a batch of events.
	 * @param headers the headers
	 * @param body the body bytes
	 * @return the events
	 * @throws InvalidCloudEventException if the batch is not valid
	 * @see CloudEventHttpBinding#fromHttpBatch(HttpHeaders, byte[])
	 */
	public static List<CloudEvent> fromHttpBatch(HttpHeaders headers, byte[] body) {
		return binding.fromHttpBatch(headers, body);
	}

}
