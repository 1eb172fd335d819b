package dev.cloudevents.spring.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.client.EventReceiverApplication.Received;
import dev.cloudevents.spring.http.CloudEventHttpBinding;

import static dev.cloudevents.spring.client.CloudEventTemplateTests.assertIsReplyTo;
import static dev.cloudevents.spring.client.CloudEventTemplateTests.closedPortUri;
import static dev.cloudevents.spring.client.CloudEventTemplateTests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(classes = EventReceiverApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cloudevents.http.content-mode=structured", "cloudevents.http.retry.initial-interval=10ms" })
class ReactiveCloudEventTemplateTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ReactiveCloudEventTemplate template;

	@Autowired
	private EventReceiverApplication receiver;

	@Autowired
	private WebClient.Builder webClientBuilder;

	@Autowired
	private CloudEventHttpBinding binding;

	@BeforeEach
	void forgetReceivedEvents() {
		this.receiver.reset();
	}

	@ParameterizedTest
	@CsvSource({ "V1_0, BINARY", "V1_0, STRUCTURED", "V0_3, BINARY", "V0_3, STRUCTURED" })
	void sendDeliversTheEventInTheGivenModeAndSpecVersion(SpecVersion version, ContentMode mode) {
		CloudEvent event = event(version);
		this.template.send(uri("/events"), event, mode).block();
		assertThat(this.receiver.received).containsExactly(new Received(mode, event));
	}

	@Test
	void sendReadsLittleOfALongAnswerItWantsNoEventFrom() {
		this.template.send(uri("/big-answer/200"), event(SpecVersion.V1_0)).block();
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/big-answer/400"), event(SpecVersion.V1_0)).block())
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getProblemDetail()).isNull();
			});
	}

	@Test
	void aReplyLongerThanTheLimitIsAnErrorNotAnEventReadWhole() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.template.sendAndReceive(uri("/big-answer/200"), event(SpecVersion.V1_0)).block())
			.withMessageContaining("longer than the limit of 1048576 bytes");
	}

	// a send that wants no reply does not fail on one: the event was delivered
	@Test
	void sendSucceedsWhateverTheTargetRepliesButAnInvalidReplyToSendAndReceiveIsAnError() {
		this.template.send(uri("/invalid-reply"), event(SpecVersion.V1_0)).block();
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.template.sendAndReceive(uri("/invalid-reply"), event(SpecVersion.V1_0)).block());
	}

	@Test
	void nothingIsSentUntilSubscription() {
		this.template.send(uri("/events"), event(SpecVersion.V1_0), ContentMode.BINARY);
		assertThat(this.receiver.received).isEmpty();
	}

	@Test
	void sendUsesTheConfiguredContentMode() {
		CloudEvent event = event(SpecVersion.V1_0);
		this.template.send(uri("/events"), event).block();
		assertThat(this.receiver.received).containsExactly(new Received(ContentMode.STRUCTURED, event));
	}

	@Test
	void sendBatchDeliversAllEvents() {
		CloudEvent first = event(SpecVersion.V1_0);
		CloudEvent second = event(SpecVersion.V1_0).mutate().id("second").build();
		this.template.sendBatch(uri("/batch"), List.of(first, second)).block();
		assertThat(this.receiver.received).extracting(Received::event).containsExactly(first, second);
	}

	@ParameterizedTest
	@CsvSource({ "V1_0, BINARY, BINARY", "V1_0, STRUCTURED, BINARY", "V1_0, BINARY, STRUCTURED",
			"V0_3, STRUCTURED, STRUCTURED", "V0_3, BINARY, STRUCTURED" })
	void sendAndReceiveReturnsTheReplyInEitherMode(SpecVersion version, ContentMode requestMode,
			ContentMode replyMode) {
		CloudEvent event = event(version);
		CloudEvent reply = this.template.sendAndReceive(uri("/reply/" + replyMode), event, requestMode).block();
		assertThat(reply).satisfies((received) -> assertIsReplyTo(received, event));
	}

	@Test
	void sendAndReceiveCompletesEmptyWhenTheTargetRepliesWithoutAnEvent() {
		assertThat(this.template.sendAndReceive(uri("/events"), event(SpecVersion.V1_0), ContentMode.BINARY)
			.blockOptional()).isEmpty();
	}

	@Test
	void problemAnswerSignalsDeliveryExceptionWithStatusAndProblemDetail() {
		URI target = uri("/reject");
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(target, event(SpecVersion.V1_0), ContentMode.BINARY).block())
			.withMessageContaining("400")
			.withMessageContaining("Attribute 'type' is missing")
			.satisfies((ex) -> {
				assertThat(ex.getTarget()).isEqualTo(target);
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getProblemDetail()).isNotNull();
				assertThat(ex.getProblemDetail().getDetail()).isEqualTo("Attribute 'type' is missing");
				assertThat(ex.getProblemDetail().getProperties()).containsEntry("attribute", "type");
			});
	}

	@Test
	void errorAnswerWithoutProblemSignalsDeliveryExceptionWithStatus() {
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(
					() -> this.template.sendAndReceive(uri("/unavailable"), event(SpecVersion.V1_0), ContentMode.BINARY)
						.block())
			.withMessageContaining("503")
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getProblemDetail()).isNull();
			});
	}

	@Test
	void unreachableTargetSignalsConnectionException() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> this.template.send(target, event(SpecVersion.V1_0), ContentMode.BINARY).block())
			.satisfies((ex) -> assertThat(ex.getTarget()).isEqualTo(target))
			.withMessageContaining(target.toString());
	}

	@Test
	void exchangeReturnsTheStatusAndTheReply() {
		CloudEvent event = event(SpecVersion.V1_0);
		CloudEventResponse response = this.template.exchange(uri("/reply/BINARY"), event, ContentMode.BINARY).block();
		assertThat(response.status()).isEqualTo(HttpStatus.OK);
		assertThat(response.event()).satisfies((received) -> assertIsReplyTo(received, event));
	}

	@Test
	void exchangeReturnsAnErrorStatusAndItsProblemWithoutSignallingAnError() {
		CloudEventResponse response = this.template
			.exchange(uri("/reject"), event(SpecVersion.V1_0), ContentMode.BINARY)
			.block();
		assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.event()).isNull();
		assertThat(response.problem()).isNotNull();
		assertThat(response.problem().getDetail()).isEqualTo("Attribute 'type' is missing");
		assertThat(response.problem().getProperties()).containsEntry("attribute", "type");
	}

	@Test
	void sendWithTypeAndDataBuildsTheEventAndSendsItToTheSink() {
		ReactiveCloudEventTemplate template = new ReactiveCloudEventTemplate(this.webClientBuilder.build(),
				this.binding);
		template.setSource(URI.create("/orders"));
		template.setSink(uri("/events"));
		CloudEvent sent = template.send("com.example.order.created", "order 42").block();
		assertThat(sent.source()).isEqualTo(URI.create("/orders"));
		assertThat(sent.type()).isEqualTo("com.example.order.created");
		assertThat(this.receiver.received).singleElement()
			.satisfies((received) -> assertThat(received.event()).isEqualTo(sent));
	}

	@Test
	void sendWithTypeAndDataWithoutSinkSignalsIllegalState() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.template.send("com.example.order.created", "data").block())
			.withMessageContaining("cloudevents.http.sink");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
