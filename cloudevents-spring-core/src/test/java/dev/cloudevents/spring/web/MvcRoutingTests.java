package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.mvc.MvcTestApplication;

/**
 * Routing by event type on Spring MVC and Tomcat.
 */
@SpringBootTest(classes = { MvcTestApplication.class, RoutedController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcRoutingTests extends AbstractRoutingTests {

	@Override
	int maxBodyBytes() {
		return MvcTestApplication.MAX_BODY_KB * 1024;
	}

}
