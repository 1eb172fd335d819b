package dev.cloudevents.spring.boot.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.boot.web.EventsApplication.Delivery;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = EventsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cloudevents.http.max-body-size=" + EventsApplicationTests.MAX_BODY_SIZE)
class ServletEventsApplicationTests extends EventsApplicationTests {

	@Autowired
	private RestTemplateBuilder restTemplateBuilder;

	@Override
	ContentMode configuredMode() {
		return ContentMode.BINARY;
	}

	@Test
	void restTemplateFromBootsBuilderPostsEventsInTheConfiguredMode() {
		CloudEvent event = event("rest-template", SpecVersion.V1_0);
		this.restTemplateBuilder.build().postForEntity(uri("/events"), event, Void.class);
		assertThat(inbox().deliveries).containsExactly(new Delivery(ContentMode.BINARY, event));
	}

}
