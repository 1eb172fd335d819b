package dev.cloudevents.spring.interop;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.interop.InteropEvents.InteropEvent;
import dev.cloudevents.spring.mvc.RecordingController;
import dev.cloudevents.spring.web.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference Java SDK 4.0.1 and the JavaScript SDK ({@code cloudevents@10.0.0}) send
 * real requests to a running test application, whose {@code POST /} takes a
 * {@code CloudEvent} parameter and whose {@code POST /reply} answers with
 * {@link RecordingController#reply(CloudEvent)}. Subclasses start the application on one
 * web stack. See {@code src/test/js/PEER-NOTES.md} for where the peers depart from the
 * specification.
 */
abstract class AbstractPeerInteropTests {

	static final String JSON_EVENT_FORMAT = "application/cloudevents+json";

	private static NodePeer javaScriptSdk;

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@BeforeAll
	static void createJavaScriptSdk() {
		javaScriptSdk = NodePeer.create();
	}

	@BeforeEach
	void forgetReceivedEvents() {
		this.received.clear();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.cloudevents.spring.interop.InteropEvents#inBothModes")
	void theHandlerReceivesEveryAttributeAndTheDataTheReferenceSdkSends(ContentMode mode, InteropEvent sent)
			throws IOException {
		ReferenceSdkPeer.Response response = ReferenceSdkPeer.post(uri("/"), InteropEvents.modeName(mode),
				PeerEvents.toReferenceSdk(sent.event()));
		assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
		assertReceived(PeerEvents.asReferenceSdkSends(sent.event(), mode));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.cloudevents.spring.interop.JavaScriptSdkInteropTests#eventsTheJavaScriptSdkSendsFaithfully")
	void theHandlerReceivesEveryAttributeAndTheDataTheJavaScriptSdkSends(ContentMode mode, InteropEvent sent)
			throws IOException {
		NodePeer.SendResult result = sendWithJavaScriptSdk("/", mode, sent);
		assertThat(result.status()).as(result.body()).isEqualTo(202);
		assertReceived(PeerEvents.asJavaScriptSdkSends(sent.event(), mode));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.cloudevents.spring.interop.InteropEvents#inBothModes")
	void theReferenceSdkReadsTheReplyInTheModeItSent(ContentMode mode, InteropEvent sent) throws IOException {
		ReferenceSdkPeer.Response response = ReferenceSdkPeer.post(uri("/reply"), InteropEvents.modeName(mode),
				PeerEvents.toReferenceSdk(sent.event()));
		assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
		List<String> contentType = response.headers().getOrDefault("content-type", List.of());
		if (mode == ContentMode.STRUCTURED) {
			assertThat(contentType).singleElement().asString().startsWith(JSON_EVENT_FORMAT);
		}
		else {
			assertThat(response.headers()).containsKey("ce-id");
			assertThat(contentType).noneMatch((value) -> value.startsWith("application/cloudevents"));
		}
		// the reference SDK decodes 0.3 Base64 data and drops 'datacontentencoding'
		CloudEvent expected = RecordingController.reply(PeerEvents.asReferenceSdkSends(sent.event(), mode))
			.mutate()
			.dataContentEncoding(null)
			.build();
		io.cloudevents.CloudEvent reply = response.toEvent();
		assertThat(PeerEvents.attributesOf(reply)).containsExactlyInAnyOrderEntriesOf(expected.attributes());
		assertThat(reply.getTime()).isAtSameInstantAs(expected.time());
		assertThat(reply.getTime().getOffset()).isEqualTo(expected.time().getOffset());
		assertThat(PeerEvents.dataOf(reply)).isEqualTo(expected.data());
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("eventsTheJavaScriptSdkSendsInBinaryMode")
	void theJavaScriptSdkReadsTheBinaryModeReply(ContentMode mode, InteropEvent sent) throws IOException {
		NodePeer.SendResult result = sendWithJavaScriptSdk("/reply", mode, sent);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.headers()).containsKey("ce-id");
		assertThat(result.replyError()).isNull();
		assertThat(result.reply()).isEqualTo(javaScriptSdkReply(mode, sent));
	}

	static Stream<Arguments> eventsTheJavaScriptSdkSendsInBinaryMode() {
		return JavaScriptSdkInteropTests.eventsTheJavaScriptSdkSendsFaithfully()
			.filter((arguments) -> arguments.get()[0] == ContentMode.BINARY);
	}

	static Stream<Arguments> eventsTheJavaScriptSdkSendsInStructuredMode() {
		return JavaScriptSdkInteropTests.eventsTheJavaScriptSdkSendsFaithfully()
			.filter((arguments) -> arguments.get()[0] == ContentMode.STRUCTURED);
	}

	NodePeer.SendResult sendWithJavaScriptSdk(String path, ContentMode mode, InteropEvent sent) throws IOException {
		NodePeer.SendResult result = javaScriptSdk.send(uri(path), InteropEvents.modeName(mode),
				PeerEvents.toJavaScriptJson(sent.event()));
		assertThat(result.error()).isNull();
		return result;
	}

	/**
	 * The reply to an event the JavaScript SDK sent, as that SDK holds it once it has
	 * read it.
	 */
	static JsonNode javaScriptSdkReply(ContentMode mode, InteropEvent sent) {
		CloudEvent reply = RecordingController.reply(PeerEvents.asJavaScriptSdkSends(sent.event(), mode));
		return PeerEvents.asJavaScriptSdkHoldsIt(reply, mode);
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private void assertReceived(CloudEvent expected) {
		assertThat(this.received.arguments()).singleElement().isInstanceOfSatisfying(CloudEvent.class, (event) -> {
			assertThat(event.attributes()).containsExactlyInAnyOrderEntriesOf(expected.attributes());
			// the map compares OffsetDateTime with equals(): the same instant, offset and
			// fraction; said explicitly here
			assertThat(event.time()).isAtSameInstantAs(expected.time());
			assertThat(event.time().getOffset()).isEqualTo(expected.time().getOffset());
			assertThat(event.data()).isEqualTo(expected.data());
			assertThat(event).isEqualTo(expected);
		});
	}

	/**
	 * The JavaScript SDK compares Content-Types letter for letter; a charset parameter,
	 * which servlet containers respell, would keep it from reading the reply.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("eventsTheJavaScriptSdkSendsInStructuredMode")
	void theJavaScriptSdkReadsTheStructuredModeReply(ContentMode mode, InteropEvent sent) throws IOException {
		NodePeer.SendResult result = sendWithJavaScriptSdk("/reply", mode, sent);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.headers().get("content-type")).isEqualTo(JSON_EVENT_FORMAT);
		assertThat(result.replyError()).isNull();
		assertThat(result.reply()).isEqualTo(javaScriptSdkReply(mode, sent));
	}

}
