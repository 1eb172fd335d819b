package dev.cloudevents.spring.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.boot.autoconfigure.CloudEventsAutoConfiguration;
import dev.cloudevents.spring.boot.autoconfigure.CloudEventsClientAutoConfiguration;
import dev.cloudevents.spring.client.EventReceiverApplication.Received;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(classes = EventReceiverApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "cloudevents.http.content-mode=structured", "cloudevents.http.retry.initial-interval=10ms" })
class CloudEventTemplateTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CloudEventTemplate template;

	@Autowired
	private EventReceiverApplication receiver;

	@Autowired
	private RestClient.Builder restClientBuilder;

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
		this.template.send(uri("/events"), event, mode);
		assertThat(this.receiver.received).containsExactly(new Received(mode, event));
	}

	// a MIME type that Spring's MediaType refuses (q above 1) is a valid datacontenttype
	@ParameterizedTest
	@CsvSource({ "BINARY", "STRUCTURED" })
	void sendDeliversAnEventWhoseDataContentTypeSpringsMediaTypeRefuses(ContentMode mode) {
		CloudEvent event = event(SpecVersion.V1_0).mutate().data("text/plain; q=2", new byte[] { 'x' }).build();
		this.template.send(uri("/events/resolved"), event, mode);
		assertThat(this.receiver.received).containsExactly(new Received(mode, event));
	}

	@Test
	void sendReadsLittleOfALongAnswerItWantsNoEventFrom() {
		this.template.send(uri("/big-answer/200"), event(SpecVersion.V1_0));
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(uri("/big-answer/400"), event(SpecVersion.V1_0)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getProblemDetail()).isNull();
			});
	}

	@Test
	void aReplyLongerThanTheLimitIsAnErrorNotAnEventReadWhole() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.template.sendAndReceive(uri("/big-answer/200"), event(SpecVersion.V1_0)))
			.withMessageContaining("longer than the limit of 1048576 bytes");
	}

	@Test
	void theReplyLimitIsCloudEventsHttpMaxBodySize() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CloudEventsAutoConfiguration.class, CloudEventsClientAutoConfiguration.class))
			.withPropertyValues("cloudevents.http.max-body-size=1KB")
			.run((context) -> assertThatExceptionOfType(InvalidCloudEventException.class)
				.isThrownBy(() -> context.getBean(CloudEventTemplate.class)
					.sendAndReceive(uri("/big-answer/200"), event(SpecVersion.V1_0)))
				.withMessageContaining("longer than the limit of 1024 bytes"));
	}

	// a send that wants no reply does not fail on one: the event was delivered
	@Test
	void sendSucceedsWhateverTheTargetRepliesButAnInvalidReplyToSendAndReceiveIsAnError() {
		this.template.send(uri("/invalid-reply"), event(SpecVersion.V1_0));
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.template.sendAndReceive(uri("/invalid-reply"), event(SpecVersion.V1_0)));
	}

	@Test
	void sendUsesTheConfiguredContentMode() {
		CloudEvent event = event(SpecVersion.V1_0);
		this.template.send(uri("/events"), event);
		assertThat(this.receiver.received).containsExactly(new Received(ContentMode.STRUCTURED, event));
	}

	@Test
	void sendBatchDeliversAllEvents() {
		CloudEvent first = event(SpecVersion.V1_0);
		CloudEvent second = event(SpecVersion.V1_0).mutate().id("second").build();
		this.template.sendBatch(uri("/batch"), List.of(first, second));
		assertThat(this.receiver.received).extracting(Received::event).containsExactly(first, second);
	}

	@ParameterizedTest
	@CsvSource({ "V1_0, BINARY, BINARY", "V1_0, STRUCTURED, BINARY", "V1_0, BINARY, STRUCTURED",
			"V0_3, STRUCTURED, STRUCTURED", "V0_3, BINARY, STRUCTURED" })
	void sendAndReceiveReturnsTheReplyInEitherMode(SpecVersion version, ContentMode requestMode,
			ContentMode replyMode) {
		CloudEvent event = event(version);
		Optional<CloudEvent> reply = this.template.sendAndReceive(uri("/reply/" + replyMode), event, requestMode);
		assertThat(reply).hasValueSatisfying((received) -> assertIsReplyTo(received, event));
	}

	@Test
	void sendAndReceiveReturnsNothingWhenTheTargetRepliesWithoutAnEvent() {
		assertThat(this.template.sendAndReceive(uri("/events"), event(SpecVersion.V1_0), ContentMode.BINARY)).isEmpty();
	}

	@Test
	void problemAnswerRaisesDeliveryExceptionWithStatusAndProblemDetail() {
		URI target = uri("/reject");
		assertThatExceptionOfType(CloudEventDeliveryException.class)
			.isThrownBy(() -> this.template.send(target, event(SpecVersion.V1_0), ContentMode.BINARY))
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
	void errorAnswerWithoutProblemRaisesDeliveryExceptionWithStatus() {
		assertThatExceptionOfType(CloudEventDeliveryException.class).isThrownBy(
				() -> this.template.sendAndReceive(uri("/unavailable"), event(SpecVersion.V1_0), ContentMode.BINARY))
			.withMessageContaining("503")
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
				assertThat(ex.getProblemDetail()).isNull();
				assertThat(ex.getHeaders().getContentType().getSubtype()).isEqualTo("plain");
			});
	}

	@Test
	void unreachableTargetRaisesConnectionException() throws IOException {
		URI target = closedPortUri();
		assertThatExceptionOfType(CloudEventConnectionException.class)
			.isThrownBy(() -> this.template.send(target, event(SpecVersion.V1_0), ContentMode.BINARY))
			.satisfies((ex) -> assertThat(ex.getTarget()).isEqualTo(target))
			.withMessageContaining(target.toString());
	}

	@Test
	void exchangeReturnsTheStatusAndTheReply() {
		CloudEvent event = event(SpecVersion.V1_0);
		CloudEventResponse response = this.template.exchange(uri("/reply/BINARY"), event, ContentMode.STRUCTURED);
		assertThat(response.status()).isEqualTo(HttpStatus.OK);
		assertThat(response.headers().getFirst("ce-id")).isEqualTo("reply-to-" + event.id());
		assertThat(response.event()).satisfies((received) -> assertIsReplyTo(received, event));
	}

	@Test
	void exchangeReturnsAnErrorStatusAndItsProblemWithoutRaising() {
		CloudEventResponse response = this.template.exchange(uri("/reject"), event(SpecVersion.V1_0),
				ContentMode.BINARY);
		assertThat(response.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.event()).isNull();
		assertThat(response.problem()).isNotNull();
		assertThat(response.problem().getDetail()).isEqualTo("Attribute 'type' is missing");
		assertThat(response.problem().getProperties()).containsEntry("attribute", "type");
	}

	@Test
	void sendWithTypeAndDataBuildsTheEventAndSendsItToTheSink() {
		CloudEventTemplate template = new CloudEventTemplate(this.restClientBuilder.build(), this.binding);
		template.setSource(URI.create("/orders"));
		template.setSink(uri("/events"));
		CloudEvent sent = template.send("com.example.order.created", new Order("42", 3));
		assertThat(sent.source()).isEqualTo(URI.create("/orders"));
		assertThat(sent.type()).isEqualTo("com.example.order.created");
		assertThat(sent.id()).isNotBlank();
		assertThat(sent.time()).isNotNull();
		assertThat(this.receiver.received).singleElement().satisfies((received) -> {
			assertThat(received.mode()).isEqualTo(ContentMode.BINARY);
			assertThat(received.event().id()).isEqualTo(sent.id());
			assertThat(new JsonEventFormat().dataAs(received.event(), Order.class)).isEqualTo(new Order("42", 3));
		});
	}

	@Test
	void sendWithTypeAndDataWithoutSinkRaisesIllegalState() {
		assertThatIllegalStateException().isThrownBy(() -> this.template.send("com.example.order.created", "data"))
			.withMessageContaining("cloudevents.http.sink");
		assertThat(this.receiver.received).isEmpty();
	}

	static void assertIsReplyTo(CloudEvent reply, CloudEvent request) {
		CloudEvent expected = EventReceiverApplication.reply(request);
		assertThat(reply.attributes())
			.containsAllEntriesOf(expected.mutate().dataContentType(null).build().attributes());
		assertThat(reply.dataContentType()).isEqualToIgnoringWhitespace(expected.dataContentType());
		assertThat(reply.data()).isEqualTo(expected.data());
	}

	static CloudEvent event(SpecVersion version) {
		return CloudEvent.builder()
			.specVersion(version)
			.source(URI.create("https://example.com/orders"))
			.type("com.example.order.created")
			.subject("order 42")
			.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.data("text/plain", "hello, world".getBytes())
			.build();
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static URI closedPortUri() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://localhost:" + socket.getLocalPort() + "/events");
		}
	}

	record Order(String id, int quantity) {

	}

}
