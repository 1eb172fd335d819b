package dev.cloudevents.spring.client;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.boot.autoconfigure.CloudEventsAutoConfiguration;
import dev.cloudevents.spring.boot.autoconfigure.CloudEventsClientAutoConfiguration;
import dev.cloudevents.spring.client.EventReceiverApplication.Answer;

import static dev.cloudevents.spring.client.CloudEventTemplateTests.closedPortUri;
import static dev.cloudevents.spring.client.CloudEventTemplateTests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(classes = EventReceiverApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cloudevents.http.content-mode=structured", "cloudevents.http.retry.initial-interval=10ms" })
class ReactiveCloudEventTemplateRetryTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ReactiveCloudEventTemplate template;

	@Autowired
	private EventReceiverApplication receiver;

	@BeforeEach
	void resetTheReceiver() {
		this.receiver.reset();
	}

	@AfterEach
	void releaseSlowRequests() {
		this.receiver.slowRelease.countDown();
	}

	@Test
	void serverErrorsAreRetriedUntilTheTargetAcceptsTheSameEvent() {
		this.receiver.script(Answer.status(503), Answer.retryAfter(429, "0"), Answer.status(202));
		this.template.send(uri("/scripted"), event(SpecVersion.V1_0)).block();
		assertThat(this.receiver.scriptedBodies).hasSize(3).containsOnly(this.receiver.scriptedBodies.get(0));
	}

	@Test
	void eachSubscriptionCountsItsOwnAttempts() {
		this.receiver.script(Answer.status(503), Answer.status(202));
		var send = this.template.send(uri("/scripted"), event(SpecVersion.V1_0));
		send.block();
		send.block();
		assertThat(this.receiver.scriptedBodies).hasSize(3);
	}

	@Test
	void clientErrorsAreNotRetried() {
		this.receiver.script(Answer.status(400));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)).block())
			.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(1));
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void goneStopsSendingAtOnceAndSaysWhy() {
		this.receiver.script(Answer.status(410));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)).block())
			.withMessageContaining("410 Gone")
			.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(1));
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void serverErrorsUntilTheLastAttemptSignalEveryAttempt() {
		this.receiver.script(Answer.status(502), Answer.status(503));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)).block())
			.withMessageContaining("after 3 attempts (502, 503, 503) with status 503")
			.satisfies(
					(ex) -> assertThat(ex.getAttempts()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3));
		assertThat(this.receiver.scriptedBodies).hasSize(3);
	}

	@Test
	void retryAfterLongerThanTheMaximumFailsAtOnce() {
		this.receiver.script(Answer.retryAfter(503, "3600"));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)).block())
			.withMessageContaining("cloudevents.http.retry.max-retry-after");
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void unreachableTargetIsRetriedThenSignalsEveryAttempt() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> this.template.send(target, event(SpecVersion.V1_0)).block())
			.withMessageContaining("after 3 attempts (connection refused, connection refused, connection refused)")
			.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(3));
	}

	@Test
	void answerLostAfterTheTargetReadTheEventIsRetriedAndTheTargetGetsTheSameEventAgain() throws Exception {
		try (HangingUpTarget target = new HangingUpTarget(1)) {
			CloudEvent event = event(SpecVersion.V1_0);
			this.template.send(target.uri(), event).block();
			assertThat(target.requests()).hasSize(2).allSatisfy((request) -> assertThat(request).contains(event.id()));
		}
	}

	@Test
	void answersLostOnEveryAttemptSignalEveryAttempt() throws Exception {
		try (HangingUpTarget target = new HangingUpTarget(3)) {
			assertThatExceptionOfType(CloudEventConnectionException.class)
				.isThrownBy(() -> this.template.send(target.uri(), event(SpecVersion.V1_0)).block())
				.withMessageContaining("after 3 attempts")
				.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(3));
			assertThat(target.requests()).hasSize(3);
		}
	}

	@Test
	void exchangeReturnsAServerErrorWithoutRetrying() {
		this.receiver.script(Answer.status(503));
		CloudEventResponse response = this.template
			.exchange(uri("/scripted"), event(SpecVersion.V1_0), ContentMode.STRUCTURED)
			.block();
		assertThat(response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void aRefusedConnectionSaysSoInASingleAttempt() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> singleAttemptTemplate().send(target, event(SpecVersion.V1_0)).block())
			.withMessage("CloudEvent delivery to " + target + " failed: connection refused");
	}

	@Test
	void anUnknownHostSaysSo() {
		URI target = URI.create("http://unknown-host.invalid/events");
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> singleAttemptTemplate().send(target, event(SpecVersion.V1_0)).block())
			.withMessage("CloudEvent delivery to " + target + " failed: unknown host");
	}

	@Test
	void readTimeoutCountsAsAFailedAttempt() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CloudEventsAutoConfiguration.class, CloudEventsClientAutoConfiguration.class))
			.withPropertyValues("cloudevents.http.read-timeout=300ms", "cloudevents.http.retry.max-attempts=2",
					"cloudevents.http.retry.initial-interval=10ms")
			.run((context) -> assertThatExceptionOfType(CloudEventConnectionException.class)
				.isThrownBy(() -> context.getBean(ReactiveCloudEventTemplate.class)
					.send(uri("/slow"), event(SpecVersion.V1_0))
					.block())
				.withMessageMatching(".* after 2 attempts \\(timed out after \\d+ ms, timed out after \\d+ ms\\)"));
		assertThat(this.receiver.slowRequests).hasValue(2);
	}

	private static ReactiveCloudEventTemplate singleAttemptTemplate() {
		ReactiveCloudEventTemplate template = new ReactiveCloudEventTemplate(WebClient.create(),
				EventReceiverApplication.binding);
		template.setRetrySettings(RetrySettings.defaults().withMaxAttempts(1));
		return template;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
