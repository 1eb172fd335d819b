package dev.cloudevents.spring.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.InvalidEvents.InvalidEvent;
import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.web.InvalidRequests.InvalidRequest;

/**
 * Invalid input to Spring MVC on Tomcat; also to a {@code @RequestBody CloudEvent}
 * parameter, which the message converter reads.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcInvalidInputTests extends AbstractInvalidInputTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.cloudevents.spring.InvalidEvents#events")
	void anInvalidStructuredEventIsAProblemForARequestBodyParameter(InvalidEvent invalid) throws IOException {
		assertInvalidEventIsAProblem("/body", invalid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSingleEventRequests")
	void anInvalidRequestIsAProblemForARequestBodyParameter(InvalidRequest invalid) throws IOException {
		assertInvalidRequestIsAProblem("/body", invalid);
	}

	// Boot's MultipartResolver reads a multipart body as parts before any handler
	@ParameterizedTest
	@ValueSource(strings = { "/", "/body" })
	void aBinaryModeEventWithMultipartDataReadAsPartsIsAProblemNotAnEventWithoutData(String path) throws IOException {
		List<String> headers = new ArrayList<>(List.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/src",
				"ce-type", "t", "Content-Type", "multipart/form-data; boundary=XyZ"));
		byte[] body = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nhello\r\n--XyZ--\r\n"
			.getBytes(StandardCharsets.US_ASCII);
		assertInvalidRequestIsAProblem(path,
				new InvalidRequest("multipart data", path, headers, body, 415, "resolve-lazily=true"));
	}

	// Reactor Netty fails on this Content-Type before any application code and closes the
	// connection, so WebFlux is not tested for it
	@ParameterizedTest
	@ValueSource(strings = { "/", "/json" })
	void aContentTypeSpringFailsToParseIsAProblemEvenWhereAHandlerDeclaresConsumes(String path) throws IOException {
		List<String> headers = new ArrayList<>(List.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/src",
				"ce-type", "t", "Content-Type", "\"a/b"));
		assertInvalidRequestIsAProblem(path, new InvalidRequest("unparseable Content-Type", path, headers,
				new byte[] { '{', '}' }, 400, "Content-Type"));
	}

}
