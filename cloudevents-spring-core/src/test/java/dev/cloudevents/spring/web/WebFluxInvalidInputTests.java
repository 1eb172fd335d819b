package dev.cloudevents.spring.web;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.InvalidEvents.InvalidEvent;
import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.web.InvalidRequests.InvalidRequest;
import dev.cloudevents.spring.webflux.WebFluxTestApplication;

/**
 * Invalid input to Spring WebFlux on Netty, with the body limit of the MVC tests; also to
 * the functional {@code POST /fn} ({@code bodyToMono(CloudEvent.class)}) and a
 * {@code Mono<CloudEvent>} parameter.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive",
				"spring.http.codecs.max-in-memory-size=" + MvcTestApplication.MAX_BODY_KB + "KB" })
class WebFluxInvalidInputTests extends AbstractInvalidInputTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.cloudevents.spring.InvalidEvents#events")
	void anInvalidStructuredEventIsAProblemForAFunctionalEndpoint(InvalidEvent invalid) throws IOException {
		assertInvalidEventIsAProblem("/fn", invalid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSingleEventRequests")
	void anInvalidRequestIsAProblemForAFunctionalEndpoint(InvalidRequest invalid) throws IOException {
		assertInvalidRequestIsAProblem("/fn", invalid);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidSingleEventRequests")
	void anInvalidRequestIsAProblemForAMonoParameter(InvalidRequest invalid) throws IOException {
		assertInvalidRequestIsAProblem("/mono", invalid);
	}

}
