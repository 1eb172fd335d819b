package dev.cloudevents.spring.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import dev.cloudevents.spring.mvc.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook interceptor with {@link MockMvcTester}, on the wiring of
 * {@link MvcWebhookTests}.
 */
@SpringBootTest(classes = { MvcTestApplication.class, MvcWebhookTests.Webhook.class })
@AutoConfigureMockMvc
class WebhookHandshakeInterceptorTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Received received;

	@BeforeEach
	void forgetReceivedEvents() {
		this.received.clear();
	}

	@Test
	void optionsFromAnAllowedOriginGetsConsent() {
		assertThat(this.mvc.options().uri("/batch").header("WebHook-Request-Origin", "events.example.com"))
			.hasStatusOk()
			.hasHeader("WebHook-Allowed-Origin", "events.example.com")
			.hasHeader("WebHook-Allowed-Rate", "120");
	}

	@Test
	void optionsWithoutTheWebhookHeaderIsSpringMvcsOwn() {
		assertThat(this.mvc.options().uri("/")).hasStatusOk()
			.doesNotContainHeader("WebHook-Allowed-Origin")
			.containsHeader("Allow");
	}

	@Test
	void aDeliveryFromAnOriginNotAllowedIsAForbiddenProblem() {
		assertThat(this.mvc.post()
			.uri("/")
			.header("WebHook-Request-Origin", "evil.example")
			.contentType(MediaType.parseMediaType("application/cloudevents+json"))
			.content("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}")).hasStatus(403)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Deliveries from the origin 'evil.example' are not allowed");
		assertThat(this.received.invocations()).isZero();
	}

}
