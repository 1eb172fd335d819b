package dev.cloudevents.spring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.test.AutoConfigureMockCloudEventTarget;
import dev.cloudevents.spring.test.MockCloudEventTarget;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code POST /api/send} answers about the target's answer, with a mock target in
 * place of a real one: a reply event, a problem, the content mode it sends in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureMockCloudEventTarget
class PlayerSendTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MockCloudEventTarget target;

	@Test
	void targetsReplyEventIsAnswered() {
		this.target.expect("com.example.question")
			.andReply(CloudEvent.builder().type("com.example.answer").source("/answers").data("42").build());
		assertThat(send("binary")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> assertThat(status).isEqualTo(200))
			.hasPathSatisfying("$.reply.type", (type) -> assertThat(type).isEqualTo("com.example.answer"))
			.hasPathSatisfying("$.reply.data", (data) -> assertThat(data).isEqualTo("42"));
		this.target.verify();
		assertThat(this.target.requests().get(0).mode()).isEqualTo(ContentMode.BINARY);
		assertThat(this.target.received().get(0)).hasType("com.example.question")
			.hasSource("/player-tests")
			.hasDataEqualTo("{\"question\": \"meaning\"}");
	}

	@Test
	void targetsProblemIsAnsweredWithItsStatus() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Unknown question");
		problem.setProperty("attribute", "data");
		this.target.expect("com.example.question").andRespond(problem);
		assertThat(send("structured")).hasStatusOk()
			.bodyJson()
			.hasPathSatisfying("$.status", (status) -> assertThat(status).isEqualTo(400))
			.hasPathSatisfying("$.reply", (reply) -> assertThat(reply).isNull())
			.hasPathSatisfying("$.problem.detail", (detail) -> assertThat(detail).isEqualTo("Unknown question"))
			.hasPathSatisfying("$.problem.attribute", (attribute) -> assertThat(attribute).isEqualTo("data"));
		assertThat(this.target.requests().get(0).mode()).isEqualTo(ContentMode.STRUCTURED);
	}

	private MvcTestResult send(String mode) {
		return this.mvc.post().uri("/api/send").contentType(MediaType.APPLICATION_JSON).content("""
				{"target": "http://target.example/questions", "mode": "%s", "event": {"specversion": "1.0",
				"type": "com.example.question", "source": "/player-tests", "datacontenttype": "application/json",
				"data": {"question": "meaning"}}}
				""".formatted(mode)).exchange();
	}

}
