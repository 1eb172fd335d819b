package dev.cloudevents.spring.http;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.UnsupportedEventFormatException;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * The CloudEvents HTTP protocol binding: writes events to, and reads them from, HTTP
 * headers and bodies in binary, structured and batched content mode. The building block
 * of the Spring MVC converter, the WebFlux codecs and the templates;
 * {@link CloudEventHttp} offers the same with a default configuration.
 * <p>
 * Instances are thread-safe.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
public final class CloudEventHttpBinding {

	/** Prefix of the headers that carry attributes in binary mode. */
	public static final String HEADER_PREFIX = "ce-";

	private final JsonEventFormat format;

	/**
	 * Create a binding with a default {@link JsonEventFormat}.
	 */
	public CloudEventHttpBinding() {
		this(new JsonEventFormat());
	}

	/**
	 * Create a binding that uses the given format for structured and batched mode.
	 * @param format the JSON event format
	 */
	public CloudEventHttpBinding(JsonEventFormat format) {
		this.format = format;
	}

	/**
	 * Return the event format this binding uses.
	 * @return the format
	 */
	public JsonEventFormat format() {
		return this.format;
	}

	/**
	 * Write an event in the given content mode.
	 * @param event the event
	 * @param mode binary or structured
	 * @return the headers and body
	 */
	public HttpMessage toHttp(CloudEvent event, ContentMode mode) {
		return (mode == ContentMode.BINARY) ? toBinary(event) : toStructured(event);
	}

	/**
	 * Write an event in binary mode: attributes as percent-encoded {@code ce-} headers,
	 * {@code datacontenttype} as {@code Content-Type}, the data as the body.
	 * @param event the event
	 * @return the headers and body
	 */
	public HttpMessage toBinary(CloudEvent event) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Add the binary-mode headers of an event ({@code ce-*} and {@code Content-Type}) to
	 * existing headers, so that a body can be streamed after them.
	 * @param event the event
	 * @param headers the headers to add to
	 */
	public void writeBinaryHeaders(CloudEvent event, HttpHeaders headers) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Return the binary-mode body of an event: its data bytes, data given as an object
	 * serialized with the format's mapper, or an empty array.
	 * @param event the event
	 * @return the body bytes
	 */
	public byte[] binaryBody(CloudEvent event) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Write an event in structured mode, as {@value JsonEventFormat#CONTENT_TYPE}.
	 * @param event the event
	 * @return the headers and body
	 */
	public HttpMessage toStructured(CloudEvent event) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Write events in batched mode, as {@value JsonEventFormat#BATCH_CONTENT_TYPE}.
	 * @param events the events, all of one spec version
	 * @return the headers and body
	 */
	public HttpMessage toBatch(List<CloudEvent> events) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Return the content mode of a request or response from its headers: structured when
	 * the {@code Content-Type} is {@code application/cloudevents} with any format suffix,
	 * binary when there is a {@code ce-specversion} header.
	 * @param headers the headers
	 * @return the content mode, or {@code null} if the message carries no single event (a
	 * batch, or no CloudEvent at all)
	 */
	public @Nullable ContentMode contentMode(HttpHeaders headers) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Return whether the headers announce a batch ({@code application/cloudevents-batch}
	 * with any format suffix).
	 * @param headers the headers
	 * @return whether the body is a batch
	 */
	public boolean isBatch(HttpHeaders headers) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Read one event in binary or structured mode, whichever the headers show.
	 * @param headers the headers
	 * @param body the body bytes
	 * @return the event
	 * @throws UnsupportedEventFormatException if the body is in an event format other
	 * than JSON
	 * @throws InvalidCloudEventException if the message is not a valid CloudEvent
	 */
	public CloudEvent fromHttp(HttpHeaders headers, byte[] body) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Read a batch of events.
	 * @param headers the headers, with a batch {@code Content-Type}
	 * @param body the body bytes
	 * @return the events, possibly none
	 * @throws UnsupportedEventFormatException if the body is not a JSON batch
	 * @throws InvalidCloudEventException if the batch or one of its events is invalid
	 */
	public List<CloudEvent> fromHttpBatch(HttpHeaders headers, byte[] body) {
		throw new UnsupportedOperationException("TODO");
	}

}
