package dev.cloudevents.spring.interop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import dev.cloudevents.spring.http.CloudEventHttpMessage;

/**
 * Posts an {@link CloudEventHttpMessage} with {@code java.net.http}, its headers and body
 * exactly as they are.
 */
public final class CloudEventHttpMessageClient {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private CloudEventHttpMessageClient() {
	}

	/**
	 * POST a message.
	 * @param uri where to post
	 * @param message the headers and body
	 * @return the response, its body as UTF-8 text
	 * @throws IOException on a transport failure
	 */
	public static HttpResponse<String> post(URI uri, CloudEventHttpMessage message) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.POST(HttpRequest.BodyPublishers.ofByteArray(message.body()));
		message.headers().forEach((name, values) -> values.forEach((value) -> request.header(name, value)));
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(ex.getMessage());
		}
	}

}
