package dev.cloudevents.spring.boot.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.ContentMode;

// the test classpath has Spring MVC too: the property makes the application reactive, as
// the WebFlux starter alone would
@SpringBootTest(classes = EventsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "cloudevents.http.content-mode=structured",
				"cloudevents.http.max-body-size=" + EventsApplicationTests.MAX_BODY_SIZE })
class ReactiveEventsApplicationTests extends EventsApplicationTests {

	@Override
	ContentMode configuredMode() {
		return ContentMode.STRUCTURED;
	}

}
