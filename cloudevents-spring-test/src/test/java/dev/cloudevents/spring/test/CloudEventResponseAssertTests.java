package dev.cloudevents.spring.test;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CloudEventResponseAssertTests {

	private static final CloudEvent EVENT = CloudEvent.builder()
		.id("reply-1")
		.type("com.example.reply")
		.source(URI.create("/replies"))
		.data("{\"ok\":true}")
		.dataContentType("application/json")
		.build();

	private static final String PROBLEM = """
			{"type": "https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md", "title": "Invalid CloudEvent",
			"status": 400, "detail": "Missing required attribute 'source'", "attribute": "source", "instance": "/orders"}""";

	@Test
	void eventInEitherModeIsReadFromTheResponse() {
		assertThat(response(CloudEventHttp.toBinary(EVENT))).isCloudEvent().hasId("reply-1");
		assertThat(response(CloudEventHttp.toStructured(EVENT))).isCloudEvent(ContentMode.STRUCTURED)
			.hasDataEqualTo("{\"ok\": true}");
	}

	@Test
	void eventInTheOtherModeFailsNamingBothModes() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(CloudEventHttp.toStructured(EVENT))).isCloudEvent(ContentMode.BINARY))
			.withMessageContaining("Expecting a CloudEvent in binary content mode but the response is in structured")
			.withMessageContaining("status: 200")
			.withMessageContaining("Content-Type=application/cloudevents+json")
			.withMessageContaining("body: {");
	}

	@Test
	void responseThatIsNoEventFailsWithTheReasonAndTheResponse() {
		ResponseEntity<String> plain = ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("100% done");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(plain).isCloudEvent())
			.withMessageContaining("Expecting a CloudEvent but the response is not a valid one: ")
			.withMessageContaining("body: 100% done");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(plain).isCloudEvent(ContentMode.BINARY))
			.withMessageContaining("but the response is not a single CloudEvent");
		ResponseEntity<byte[]> empty = ResponseEntity.noContent().build();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(empty).isCloudEvent())
			.withMessageContaining("status: 204")
			.withMessageContaining("body: (none)");
	}

	@Test
	void batchIsReadInOrder() {
		CloudEvent second = EVENT.mutate().id("reply-2").build();
		assertThat(response(CloudEventHttp.toBatch(List.of(EVENT, second)))).isBatch()
			.extracting(CloudEvent::id)
			.containsExactly("reply-1", "reply-2");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(CloudEventHttp.toStructured(EVENT))).isBatch())
			.withMessageContaining("Expecting a batch of CloudEvents but the response is not one");
		ResponseEntity<String> broken = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/cloudevents-batch+json"))
			.body("[{}]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(broken).isBatch())
			.withMessageContaining("Expecting a batch of CloudEvents but it is invalid: ");
	}

	@Test
	void problemIsReadWithItsProperties() {
		assertThat(problem(PROBLEM)).isProblem()
			.hasStatus(HttpStatus.BAD_REQUEST)
			.namesAttribute("source")
			.hasDetailContaining("'source'")
			.extracting(ProblemDetail::getInstance)
			.isEqualTo(URI.create("/orders"));
	}

	@Test
	void problemFailuresShowTheProblem() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(problem(PROBLEM)).isProblem().namesAttribute("type"))
			.withMessageContaining("to name the attribute \"type\" but it names \"source\"")
			.withMessageContaining("Missing required attribute 'source'");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(problem("{\"status\": 400}")).isProblem().namesAttribute("type"))
			.withMessageContaining("but it names none");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(problem(PROBLEM)).isProblem().hasStatus(415))
			.withMessageContaining("to have status 415 but was 400");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(problem(PROBLEM)).isProblem().hasDetailContaining("'id'"))
			.withMessageContaining("detail to contain:\n  \"'id'\"");
	}

	@Test
	void successOrOtherContentIsNoProblem() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(CloudEventHttp.toStructured(EVENT))).isProblem())
			.withMessageContaining("Expecting a problem (a 4xx or 5xx status with application/problem+json)");
		ResponseEntity<String> html = ResponseEntity.badRequest().contentType(MediaType.TEXT_HTML).body("<p>");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(html).isProblem())
			.withMessageContaining("status: 400");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(problem("[1]")).isProblem())
			.withMessageContaining("the body is not a JSON object");
	}

	@Test
	void responseWithABodyOfAnotherTypeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> assertThat(ResponseEntity.ok(42)))
			.withMessageContaining("byte[] or String");
	}

	private static ResponseEntity<byte[]> response(CloudEventHttpMessage message) {
		return ResponseEntity.ok().headers(message.headers()).body(message.body());
	}

	private static ResponseEntity<String> problem(String json) {
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(json);
	}

}
