package dev.cloudevents.spring.web;

import java.io.IOException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

}
