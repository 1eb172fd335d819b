package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.webflux.WebFluxTestApplication;

/**
 * Limits on Spring WebFlux and Netty, with the body limit of the MVC tests.
 */
@SpringBootTest(classes = { WebFluxTestApplication.class, AbstractLimitsTests.SmallLimits.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.main.web-application-type=reactive",
				"spring.http.codecs.max-in-memory-size=" + MvcTestApplication.MAX_BODY_KB + "KB" })
class WebFluxLimitsTests extends AbstractLimitsTests {

}
