package dev.cloudevents.spring.interop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.http.impl.HttpMessageWriter;
import io.cloudevents.jackson.JsonFormat;

/**
 * Helpers around the reference Java SDK ({@code io.cloudevents}, test scope only), used
 * as an interoperability peer: its JSON format, and its HTTP binding over
 * {@code java.net.http}. See {@code src/test/js/PEER-NOTES.md} for where it departs from
 * the specification.
 */
public final class ReferenceSdkPeer {

	/** The reference SDK's JSON format with its default options. */
	public static final JsonFormat FORMAT = new JsonFormat();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ReferenceSdkPeer() {
	}

	/**
	 * Read an event in the CloudEvents JSON format with the reference SDK.
	 * @param json the event
	 * @return the reference SDK's event
	 * @throws io.cloudevents.core.format.EventDeserializationException if the SDK rejects
	 * it
	 */
	public static CloudEvent fromJson(String json) {
		return FORMAT.deserialize(json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Write an event in the CloudEvents JSON format with the reference SDK.
	 * @param event the event
	 * @return its JSON
	 */
	public static String toJson(CloudEvent event) {
		return new String(FORMAT.serialize(event), StandardCharsets.UTF_8);
	}

	/**
	 * Encode an event with the reference SDK's HTTP binding, without sending it.
	 * @param event the event
	 * @param mode {@code "binary"} or {@code "structured"}
	 * @return the headers and body the SDK writes
	 */
	public static Message encode(CloudEvent event, String mode) {
		Map<String, String> headers = new LinkedHashMap<>();
		byte[][] body = new byte[1][];
		HttpMessageWriter writer = HttpMessageFactory.createWriter(headers::put, (bytes) -> body[0] = bytes);
		switch (mode) {
			case "binary" -> writer.writeBinary(event);
			case "structured" -> writer.writeStructured(event, FORMAT);
			default -> throw new IllegalArgumentException("Unknown mode '" + mode + "'");
		}
		return new Message(headers, (body[0] != null) ? body[0] : new byte[0]);
	}

	/**
	 * Encode an event with the reference SDK's HTTP binding and POST it.
	 * @param url where to post
	 * @param mode {@code "binary"} or {@code "structured"}
	 * @param event the event
	 * @return the response
	 * @throws IOException on a transport failure
	 * @throws IllegalArgumentException if {@code java.net.http} refuses a header value
	 * (the SDK does not percent-encode, so characters above U+00FF reach it as they are)
	 */
	public static Response post(URI url, String mode, CloudEvent event) throws IOException {
		Message message = encode(event, mode);
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
		message.headers().forEach(request::header);
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(ex.getMessage());
		}
	}

	/**
	 * Read an HTTP message (request or response) as an event with the reference SDK.
	 * @param headers the HTTP headers, any case
	 * @param body the body, possibly empty
	 * @return the event
	 * @throws io.cloudevents.rw.CloudEventRWException if the SDK rejects it
	 */
	public static CloudEvent fromHttp(Map<String, String> headers, byte[] body) {
		MessageReader reader = HttpMessageFactory.createReader(headers, body);
		return reader.toEvent();
	}

	/**
	 * Read an HTTP message with multi-valued headers (as {@code java.net.http} or Spring
	 * give them) as an event with the reference SDK.
	 * @param headers the HTTP headers, any case
	 * @param body the body, possibly empty
	 * @return the event
	 * @throws io.cloudevents.rw.CloudEventRWException if the SDK rejects it
	 */
	public static CloudEvent fromHttpMultimap(Map<String, List<String>> headers, byte[] body) {
		return HttpMessageFactory.createReaderFromMultimap(headers, body).toEvent();
	}

	/**
	 * An encoded HTTP message.
	 *
	 * @param headers header names as the SDK writes them, and values
	 * @param body the body (empty if the event has no data)
	 */
	public record Message(Map<String, String> headers, byte[] body) {

		/**
		 * Return the body as UTF-8 text.
		 * @return the body
		 */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * An HTTP response to {@link #post}.
	 *
	 * @param status the status code
	 * @param headers the headers, as {@code java.net.http} gives them
	 * @param body the body
	 */
	public record Response(int status, Map<String, List<String>> headers, byte[] body) {

		/**
		 * Return the body as UTF-8 text.
		 * @return the body
		 */
		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		/**
		 * Read the response as an event with the reference SDK.
		 * @return the event
		 * @throws io.cloudevents.rw.CloudEventRWException if it is not one
		 */
		public CloudEvent toEvent() {
			return fromHttpMultimap(this.headers, this.body);
		}

	}

}
