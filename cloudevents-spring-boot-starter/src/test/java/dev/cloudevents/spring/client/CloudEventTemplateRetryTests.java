package dev.cloudevents.spring.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

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
import org.springframework.web.client.RestClient;

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
class CloudEventTemplateRetryTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CloudEventTemplate template;

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
		this.receiver.script(Answer.status(503), Answer.status(500), Answer.status(202));
		this.template.send(uri("/scripted"), event(SpecVersion.V1_0));
		assertThat(this.receiver.scriptedBodies).hasSize(3).containsOnly(this.receiver.scriptedBodies.get(0));
	}

	@Test
	void tooManyRequestsIsRetriedAfterRetryAfter() {
		this.receiver.script(Answer.retryAfter(429, "0"), Answer.status(202));
		this.template.send(uri("/scripted"), event(SpecVersion.V1_0));
		assertThat(this.receiver.scriptedBodies).hasSize(2);
	}

	@Test
	void batchesAreRetried() {
		this.receiver.script(Answer.status(503), Answer.status(202));
		this.template.sendBatch(uri("/scripted"), List.of(event(SpecVersion.V1_0), event(SpecVersion.V1_0)));
		assertThat(this.receiver.scriptedBodies).hasSize(2).containsOnly(this.receiver.scriptedBodies.get(0));
	}

	@Test
	void clientErrorsAreNotRetried() {
		this.receiver.script(Answer.status(400));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)))
			.satisfies((ex) -> assertThat(ex.getAttempts()).singleElement()
				.satisfies((attempt) -> assertThat(attempt.status()).isEqualTo(HttpStatus.BAD_REQUEST)));
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void goneStopsSendingAtOnceAndSaysWhy() {
		this.receiver.script(Answer.status(410));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)))
			.withMessageContaining("410 Gone")
			.withMessageContaining("retired")
			.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(1));
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void serverErrorsUntilTheLastAttemptRaiseWithEveryAttempt() {
		this.receiver.script(Answer.status(500), Answer.status(503));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)))
			.withMessageContaining("after 3 attempts (500, 503, 503) with status 503")
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getAttempts()).extracting(DeliveryAttempt::number).containsExactly(1, 2, 3);
				assertThat(ex.getAttempts()).extracting(DeliveryAttempt::outcome).containsExactly("500", "503", "503");
				assertThat(ex.getAttempts()).extracting(DeliveryAttempt::time).isSorted();
			});
		assertThat(this.receiver.scriptedBodies).hasSize(3);
	}

	@Test
	void retryAfterLongerThanTheMaximumFailsAtOnce() {
		this.receiver.script(Answer.retryAfter(429, "3600"));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/scripted"), event(SpecVersion.V1_0)))
			.withMessageContaining("3600s (Retry-After)")
			.withMessageContaining("cloudevents.http.retry.max-retry-after")
			.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(1));
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void unreachableTargetIsRetriedThenRaisesWithEveryAttempt() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> this.template.send(target, event(SpecVersion.V1_0)))
			.withMessageContaining("after 3 attempts (connection refused, connection refused, connection refused)")
			.satisfies((ex) -> assertThat(ex.getAttempts()).allSatisfy((attempt) -> {
				assertThat(attempt.status()).isNull();
				assertThat(attempt.failure()).isNotNull();
			}));
	}

	@Test
	void answerLostAfterTheTargetReadTheEventIsRetriedAndTheTargetGetsTheSameEventAgain() throws Exception {
		try (HangingUpTarget target = new HangingUpTarget(1)) {
			CloudEvent event = event(SpecVersion.V1_0);
			this.template.send(target.uri(), event);
			assertThat(target.requests()).hasSize(2).allSatisfy((request) -> assertThat(request).contains(event.id()));
		}
	}

	@Test
	void answersLostOnEveryAttemptRaiseWithEveryAttempt() throws Exception {
		try (HangingUpTarget target = new HangingUpTarget(3)) {
			assertThatExceptionOfType(CloudEventConnectionException.class)
				.isThrownBy(() -> this.template.send(target.uri(), event(SpecVersion.V1_0)))
				.withMessageContaining("after 3 attempts")
				.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(3));
			assertThat(target.requests()).hasSize(3);
		}
	}

	@Test
	void exchangeReturnsAServerErrorWithoutRetrying() {
		this.receiver.script(Answer.status(503));
		CloudEventResponse response = this.template.exchange(uri("/scripted"), event(SpecVersion.V1_0),
				ContentMode.STRUCTURED);
		assertThat(response.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.receiver.scriptedBodies).hasSize(1);
	}

	@Test
	void exchangeRetriesConnectionFailures() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> this.template.exchange(target, event(SpecVersion.V1_0), ContentMode.BINARY))
			.satisfies((ex) -> assertThat(ex.getAttempts()).hasSize(3));
	}

	@Test
	void sendWithTypeAndDataRetriesTheSameEvent() {
		this.receiver.script(Answer.status(503), Answer.status(202));
		CloudEventTemplate template = new CloudEventTemplate(RestClient.create(), EventReceiverApplication.binding);
		template.setContentMode(ContentMode.STRUCTURED);
		template.setSource(URI.create("/orders"));
		template.setSink(uri("/scripted"));
		template.setRetrySettings(RetrySettings.defaults().withInitialInterval(Duration.ofMillis(10)));
		CloudEvent sent = template.send("com.example.order.created", "order 42");
		assertThat(this.receiver.scriptedBodies).hasSize(2)
			.allSatisfy((body) -> assertThat(body).contains(sent.id()))
			.containsOnly(this.receiver.scriptedBodies.get(0));
	}

	@Test
	void readTimeoutFallsBackToTheSpringHttpClientsProperty() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CloudEventsAutoConfiguration.class, CloudEventsClientAutoConfiguration.class))
			.withPropertyValues("spring.http.clients.read-timeout=300ms", "cloudevents.http.retry.max-attempts=1")
			.run((context) -> assertThatExceptionOfType(CloudEventConnectionException.class)
				.isThrownBy(() -> context.getBean(CloudEventTemplate.class).send(uri("/slow"), event(SpecVersion.V1_0)))
				.withMessageMatching(".* failed: timed out after \\d+ ms"));
		assertThat(this.receiver.slowRequests).hasValue(1);
	}

	@Test
	void aRefusedConnectionSaysSoInASingleAttempt() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> singleAttemptTemplate().send(target, event(SpecVersion.V1_0)))
			.withMessage("CloudEvent delivery to " + target + " failed: connection refused");
	}

	@Test
	void anUnknownHostSaysSo() {
		URI target = URI.create("http://unknown-host.invalid/events");
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> singleAttemptTemplate().send(target, event(SpecVersion.V1_0)))
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
				.isThrownBy(() -> context.getBean(CloudEventTemplate.class).send(uri("/slow"), event(SpecVersion.V1_0)))
				.withMessageMatching(".* after 2 attempts \\(timed out after \\d+ ms, timed out after \\d+ ms\\)")
				.satisfies((ex) -> assertThat(ex.getAttempts()).allSatisfy(
						(attempt) -> assertThat(attempt.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(300)))));
		assertThat(this.receiver.slowRequests).hasValue(2);
	}

	private static CloudEventTemplate singleAttemptTemplate() {
		CloudEventTemplate template = new CloudEventTemplate(RestClient.create(), EventReceiverApplication.binding);
		template.setRetrySettings(RetrySettings.defaults().withMaxAttempts(1));
		return template;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
