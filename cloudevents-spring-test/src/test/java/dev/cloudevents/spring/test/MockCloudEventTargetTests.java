package dev.cloudevents.spring.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.client.CloudEventDeliveryException;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.client.ReactiveCloudEventTemplate;
import dev.cloudevents.spring.http.CloudEventHttpBinding;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MockCloudEventTargetTests {

	private static final URI BROKER = URI.create("http://broker.example/events");

	private static final CloudEvent CREATED = CloudEvent.builder()
		.id("order-42")
		.type("com.example.order.created")
		.source("/orders")
		.data(new Order("42", 3))
		.build();

	private final MockCloudEventTarget target = MockCloudEventTarget.create();

	private final CloudEventTemplate template = new CloudEventTemplate(
			RestClient.builder().requestFactory(this.target.requestFactory()).build(), new CloudEventHttpBinding());

	private final ReactiveCloudEventTemplate reactiveTemplate = new ReactiveCloudEventTemplate(
			WebClient.builder().filter(new MockCloudEventTargetFilter(this.target)).build(),
			new CloudEventHttpBinding());

	@Test
	void withoutExpectationsEveryEventIsAcceptedAndCaptured() {
		this.template.send(BROKER, CREATED);
		this.template.send(BROKER, CREATED.mutate().id("order-43").build(), ContentMode.STRUCTURED);
		this.template.sendBatch(BROKER, List.of(CREATED.mutate().id("order-44").build()));
		this.target.verify();
		assertThat(this.target.received()).extracting(CloudEvent::id)
			.containsExactly("order-42", "order-43", "order-44");
		assertThat(this.target.requests()).extracting(MockCloudEventTarget.CapturedRequest::mode)
			.containsExactly(ContentMode.BINARY, ContentMode.STRUCTURED, null);
		assertThat(this.target.requests().get(0).uri()).isEqualTo(BROKER);
		assertThat(this.target.received().get(0)).dataAs(Order.class).isEqualTo(new Order("42", 3));
	}

	@Test
	void expectedEventsPassVerification() {
		this.target.expect(2, "com.example.order.created");
		this.target.expect("com.example.order.shipped");
		this.template.send(BROKER, CREATED);
		this.template.sendBatch(BROKER, List.of(CREATED, CREATED.mutate().type("com.example.order.shipped").build()));
		this.target.verify();
	}

	@Test
	void missingEventsFailVerificationSayingWhatWasReceived() {
		this.target.expect(2, "com.example.order.created");
		this.template.send(BROKER, CREATED);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.target::verify)
			.withMessageContaining("Expected 2 event(s) of type \"com.example.order.created\" but received 1")
			.withMessageContaining(
					"Received: \n  CloudEvent{specversion=1.0, id=order-42".replace("\n", System.lineSeparator()));
	}

	@Test
	void unexpectedEventFailsTheSendAndTheVerification() {
		this.target.expect("com.example.order.shipped");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.template.send(BROKER, CREATED))
			.withMessageContaining("Unexpected event of type \"com.example.order.created\" sent to " + BROKER)
			.withMessageContaining("Expected: 1 of \"com.example.order.shipped\" (0 received)");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.target::verify)
			.withMessageContaining("Unexpected event of type \"com.example.order.created\"")
			.withMessageContaining("Expected 1 event(s) of type \"com.example.order.shipped\" but received 0");
	}

	@Test
	void eventsBeyondTheExpectedCountAreUnexpected() {
		this.target.expect("com.example.order.created");
		this.template.send(BROKER, CREATED);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.template.send(BROKER, CREATED))
			.withMessageContaining("(1 received)");
	}

	@Test
	void requestThatIsNotACloudEventFailsNamingTheReason() {
		RestClient client = RestClient.builder().requestFactory(this.target.requestFactory()).build();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> client.post()
				.uri(BROKER)
				.contentType(MediaType.TEXT_PLAIN)
				.body("hello")
				.retrieve()
				.toBodilessEntity())
			.withMessageContaining("Request to " + BROKER + " is not a valid CloudEvent: ")
			.withMessageContaining("text/plain");
	}

	@Test
	void expectedEventIsAnsweredWithTheGivenStatus() {
		this.target.expect("com.example.order.created").andRespond(HttpStatus.CONFLICT);
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(BROKER, CREATED))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT));
	}

	@Test
	void expectedEventIsAnsweredWithTheGivenProblem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "No such order");
		problem.setProperty("attribute", "subject");
		this.target.expect("com.example.order.created").andRespond(problem);
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(BROKER, CREATED))
			.satisfies((ex) -> assertThat(ex.getProblemDetail()).isNotNull()
				.satisfies((received) -> assertThat(received.getDetail()).isEqualTo("No such order"))
				.satisfies((received) -> assertThat(received.getProperties()).containsEntry("attribute", "subject")));
	}

	@Test
	void replyEventIsAnsweredInTheModeOfTheRequest() {
		CloudEvent priced = CloudEvent.builder().type("com.example.order.priced").source("/prices").build();
		this.target.expect(2, "com.example.order.created").andReply(priced);
		assertThat(this.template.sendAndReceive(BROKER, CREATED, ContentMode.BINARY)).hasValue(priced);
		assertThat(this.template.sendAndReceive(BROKER, CREATED, ContentMode.STRUCTURED)).hasValue(priced);
		this.target.verify();
	}

	@Test
	void reactiveTemplateIsServedAlike() {
		CloudEvent priced = CloudEvent.builder().type("com.example.order.priced").source("/prices").build();
		this.target.expect("com.example.order.created").andReply(priced);
		this.target.expect("com.example.order.shipped");
		assertThat(this.reactiveTemplate.sendAndReceive(BROKER, CREATED).block(Duration.ofSeconds(10)))
			.hasType("com.example.order.priced");
		this.reactiveTemplate.send(BROKER, CREATED.mutate().type("com.example.order.shipped").build())
			.block(Duration.ofSeconds(10));
		this.target.verify();
	}

	@Test
	void reactiveTemplateFailsOnAnUnexpectedEvent() {
		this.target.expect("com.example.order.shipped");
		// block() wraps an Error that is no RuntimeException
		assertThatThrownBy(() -> this.reactiveTemplate.send(BROKER, CREATED).block(Duration.ofSeconds(10))).rootCause()
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Unexpected event of type \"com.example.order.created\"");
		assertThat(this.target.received()).isEmpty();
	}

	@Test
	void verifyWaitsForEventsSentInTheBackground() {
		this.target.expect(3, "com.example.order.created");
		for (int i = 0; i < 3; i++) {
			this.reactiveTemplate.send(BROKER, CREATED).subscribeOn(Schedulers.boundedElastic()).subscribe();
		}
		this.target.verify(Duration.ofSeconds(10));
		assertThat(this.target.received()).hasSize(3);
	}

	@Test
	void verifyGivesUpAfterTheTimeout() {
		this.target.expect("com.example.order.created");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.target.verify(Duration.ofMillis(50)))
			.withMessageContaining("but received 0")
			.withMessageContaining("Received: none");
	}

	@Test
	void resetForgetsExpectationsEventsAndFailures() {
		this.target.expect("com.example.order.shipped");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.template.send(BROKER, CREATED));
		this.target.reset();
		this.target.verify();
		assertThat(this.target.received()).isEmpty();
	}

}
