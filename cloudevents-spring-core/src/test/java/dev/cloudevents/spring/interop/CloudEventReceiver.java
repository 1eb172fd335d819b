package dev.cloudevents.spring.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.UnsupportedEventFormatException;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

/**
 * A JDK {@link HttpServer} on a random port of 127.0.0.1 that decodes every request it
 * receives and records it: the raw headers and body, and the decoded event or the
 * decoder's exception. It answers 202 when the decoder succeeds, 415 with the message on
 * an {@link UnsupportedEventFormatException}, 400 with the message on any other
 * {@link InvalidCloudEventException}, and 500 with the message on any other exception.
 * <p>
 * A request is recorded before it is answered, so once a synchronous client has its
 * response, {@link #lastRequest()} holds it: no waiting is needed.
 *
 * @param <T> the type of the decoded events
 */
public final class CloudEventReceiver<T> implements AutoCloseable {

	private final HttpServer server;

	private final BiFunction<HttpHeaders, byte[], T> decoder;

	private final List<Request<T>> requests = new CopyOnWriteArrayList<>();

	private CloudEventReceiver(BiFunction<HttpHeaders, byte[], T> decoder) throws IOException {
		this.decoder = decoder;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/**
	 * Start a receiver that decodes with {@link CloudEventHttp#fromHttp}.
	 * @return the running receiver, to be closed
	 * @throws IOException if the server cannot be started
	 */
	public static CloudEventReceiver<CloudEvent> start() throws IOException {
		return start(CloudEventHttp::fromHttp);
	}

	/**
	 * Start a receiver that decodes with the given function, for example another SDK's
	 * HTTP binding.
	 * @param <T> the type of the decoded events
	 * @param decoder reads a request's headers and body as an event, or throws
	 * @return the running receiver, to be closed
	 * @throws IOException if the server cannot be started
	 */
	public static <T> CloudEventReceiver<T> start(BiFunction<HttpHeaders, byte[], T> decoder) throws IOException {
		return new CloudEventReceiver<>(decoder);
	}

	/**
	 * Return the URI to post events to.
	 * @return {@code http://127.0.0.1:<port>/}
	 */
	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/");
	}

	/**
	 * Post a message to this receiver with {@code java.net.http}, its headers as they
	 * are.
	 * @param message the message
	 * @return the response, its body as text
	 * @throws IOException on a transport failure
	 */
	public HttpResponse<String> post(CloudEventHttpMessage message) throws IOException {
		return CloudEventHttpMessageClient.post(uri(), message);
	}

	/**
	 * Return every request received so far, oldest first.
	 * @return the requests
	 */
	public List<Request<T>> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Return the last request received.
	 * @return the request
	 * @throws IllegalStateException if none was received
	 */
	public Request<T> lastRequest() {
		if (this.requests.isEmpty()) {
			throw new IllegalStateException("No request was received on " + uri());
		}
		return this.requests.get(this.requests.size() - 1);
	}

	/**
	 * Return the event decoded from the last request.
	 * @return the event
	 * @throws IllegalStateException if no request was received or the last one did not
	 * decode
	 */
	public T lastEvent() {
		Request<T> request = lastRequest();
		if (request.event() == null) {
			throw new IllegalStateException("The last request did not decode: " + request.error(), request.error());
		}
		return request.event();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			HttpHeaders headers = new HttpHeaders();
			exchange.getRequestHeaders().forEach(headers::addAll);
			T event = null;
			RuntimeException error = null;
			int status = 202;
			try {
				event = this.decoder.apply(headers, body);
			}
			catch (UnsupportedEventFormatException ex) {
				error = ex;
				status = 415;
			}
			catch (InvalidCloudEventException ex) {
				error = ex;
				status = 400;
			}
			catch (RuntimeException ex) {
				error = ex;
				status = 500;
			}
			this.requests.add(new Request<>(exchange.getRequestMethod(), headers, body, status, event, error));
			respond(exchange, status, (error != null) ? String.valueOf(error.getMessage()) : null);
		}
	}

	private static void respond(HttpExchange exchange, int status, @Nullable String message) throws IOException {
		if (message == null) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/**
	 * One request as it was received and what became of it.
	 *
	 * @param <T> the type of the decoded event
	 * @param method the HTTP method
	 * @param headers the headers as the JDK server gave them (header values are the raw
	 * bytes read as ISO-8859-1)
	 * @param body the body bytes
	 * @param status the status the receiver answered
	 * @param event the decoded event, or {@code null} if decoding failed
	 * @param error the decoder's exception, or {@code null} if decoding succeeded
	 */
	public record Request<T>(String method, HttpHeaders headers, byte[] body, int status, @Nullable T event,
			@Nullable RuntimeException error) {

		/**
		 * Return the first value of a header, as it was received.
		 * @param name the header name, any case
		 * @return the value, or {@code null} if absent
		 */
		public @Nullable String header(String name) {
			return this.headers.getFirst(name);
		}

	}

}
