package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.mvc.MvcTestApplication;

/**
 * Limits on Spring MVC and Tomcat. Tomcat swallows what is left of a body that was not
 * read, by default up to 2 MB, then closes the connection: a client still sending may
 * then lose the response to the reset. Swallowing without a limit, as Reactor Netty does,
 * makes the huge body test deterministic.
 */
@SpringBootTest(classes = { MvcTestApplication.class, AbstractLimitsTests.SmallLimits.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "server.tomcat.max-swallow-size=-1")
class MvcLimitsTests extends AbstractLimitsTests {

}
