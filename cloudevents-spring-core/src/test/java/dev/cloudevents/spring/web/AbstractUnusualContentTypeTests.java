package dev.cloudevents.spring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A binary-mode event whose {@code Content-Type} is a valid MIME type that Spring's
 * {@code MediaType} refuses ({@code q} above 1) is an event like any other: received and
 * answered in binary mode with the same {@code datacontenttype}. Found by hand in the
 * Player, which answered 500 when it asked the binding for the content mode. So is one
 * with {@code multipart} data, which Spring MVC reads as form parts first unless told to
 * resolve multipart lazily, and one with form data, whose bytes Spring MVC would rebuild
 * from the parameters. Subclasses start the application on one web stack.
 */
abstract class AbstractUnusualContentTypeTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/reply" })
	void aBinaryModeEventWithAContentTypeSpringsMediaTypeRefusesIsReceived(String path)
			throws IOException, InterruptedException {
		assertReceived(path, "text/plain; q=2", "hello");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/reply" })
	void aBinaryModeEventWithMultipartDataIsReceivedWithItsData(String path) throws IOException, InterruptedException {
		assertReceived(path, "multipart/form-data; boundary=XyZ",
				"--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n--XyZ--\r\n");
	}

	// Spring MVC's ServletServerHttpRequest rebuilds a form post from its parameters
	@ParameterizedTest
	@ValueSource(strings = { "/", "/reply" })
	void aBinaryModeEventWithFormDataIsReceivedWithItsBytes(String path) throws IOException, InterruptedException {
		assertReceived(path, "application/x-www-form-urlencoded", "a=%41&b=%20x&c&d=1;e=2");
	}

	private void assertReceived(String path, String contentType, String data) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("ce-specversion", "1.0")
			.header("ce-id", "u")
			.header("ce-source", "/src")
			.header("ce-type", "t")
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(data))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isLessThan(300);
		if (path.equals("/reply")) {
			assertThat(response.headers().firstValue("ce-id")).hasValue("u-reply");
			assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
			assertThat(response.body()).isEqualTo(data);
		}
	}

}
