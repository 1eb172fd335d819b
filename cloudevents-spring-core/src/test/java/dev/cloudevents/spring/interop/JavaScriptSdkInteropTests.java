package dev.cloudevents.spring.interop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.interop.InteropEvents.InteropEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with the CloudEvents JavaScript SDK ({@code cloudevents@10.0.0},
 * driven by {@link NodePeer}) over real HTTP on the loopback interface, in both
 * directions, both content modes and both spec versions. See
 * {@code src/test/js/PEER-NOTES.md} for where that SDK departs from the specification.
 */
class JavaScriptSdkInteropTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static NodePeer peer;

	private static NodePeer.Receiver javaScriptReceiver;

	@BeforeAll
	static void startJavaScriptReceiver() throws IOException {
		peer = NodePeer.create();
		javaScriptReceiver = peer.start();
	}

	@AfterAll
	static void stopJavaScriptReceiver() {
		javaScriptReceiver.close();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("eventsTheJavaScriptSdkCarriesFaithfully")
	void theJavaScriptSdkReceivesEveryAttributeAndTheDataWeSend(ContentMode mode, InteropEvent sent)
			throws IOException {
		JsonNode received = sendToJavaScript(InteropEvents.encode(sent.event(), mode));
		assertThat(received.path("mode").asString()).isEqualTo(InteropEvents.modeName(mode));
		assertThat(received.get("error")).isNull();
		assertThat(received.get("event")).isEqualTo(PeerEvents.asJavaScriptSdkHoldsIt(sent.event(), mode));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("eventsTheJavaScriptSdkSendsFaithfully")
	void weReceiveEveryAttributeAndTheDataTheJavaScriptSdkSends(ContentMode mode, InteropEvent sent)
			throws IOException {
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			NodePeer.SendResult result = peer.send(receiver.uri(), InteropEvents.modeName(mode),
					PeerEvents.toJavaScriptJson(sent.event()));
			assertThat(result.error()).isNull();
			assertThat(result.status()).as(result.body()).isEqualTo(202);
			CloudEvent received = receiver.lastEvent();
			CloudEvent expected = InteropEvents.asCarriedIn(mode,
					sent.event().mutate().time(PeerEvents.inUtcMilliseconds(sent.event().time())).build());
			assertThat(received.attributes()).containsExactlyInAnyOrderEntriesOf(expected.attributes());
			assertThat(received.data()).isEqualTo(expected.data());
		}
	}

	/**
	 * Every event in both modes but an event without data in binary mode, which the
	 * JavaScript SDK neither sends nor reads as it is: see
	 * {@link #theJavaScriptSdkSendsAJsonContentTypeWithAnEventThatHasNoData()} and
	 * {@link #theJavaScriptSdkReadsAnEmptyBinaryModeBodyAsEmptyStringData()}.
	 */
	static Stream<Arguments> eventsTheJavaScriptSdkCarriesFaithfully() {
		return InteropEvents.inBothModes()
			.filter((arguments) -> !(arguments.get()[0] == ContentMode.BINARY
					&& !((InteropEvent) arguments.get()[1]).event().hasData()));
	}

	/**
	 * The events above but binary data of a 0.3 event in structured mode, which the
	 * JavaScript SDK sends in a form we reject: see
	 * {@link #weRejectTheDataBase64TheJavaScriptSdkWritesInA03Event()}.
	 */
	static Stream<Arguments> eventsTheJavaScriptSdkSendsFaithfully() {
		return eventsTheJavaScriptSdkCarriesFaithfully().filter((arguments) -> {
			CloudEvent event = ((InteropEvent) arguments.get()[1]).event();
			return !(arguments.get()[0] == ContentMode.STRUCTURED && event.specVersion() == SpecVersion.V0_3
					&& "application/octet-stream".equals(event.dataContentType()));
		});
	}

	/**
	 * Spec, Type System: a Timestamp (RFC 3339) carries any precision and offset; the
	 * JavaScript SDK keeps a {@code Date}, so it rewrites every {@code time} it receives
	 * to UTC milliseconds. We send the full value; the instant survives to the
	 * millisecond.
	 */
	@Test
	void theJavaScriptSdkRewritesTimeToUtcMillisecondsWhenItReceives() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event();
		CloudEventHttpMessage message = CloudEventHttp.toBinary(event);
		assertThat(message.headers().getFirst("ce-time")).isEqualTo("2024-05-06T07:08:09.123456789+02:00");
		JsonNode received = sendToJavaScript(message);
		assertThat(received.path("event").path("time").asString()).isEqualTo("2024-05-06T05:08:09.123Z");
	}

	/**
	 * The same on the way out: the JavaScript SDK writes {@code time} with
	 * {@code toISOString()}, so we receive UTC milliseconds, not the time it was given.
	 */
	@Test
	void theJavaScriptSdkRewritesTimeToUtcMillisecondsWhenItSends() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			peer.send(receiver.uri(), "binary", PeerEvents.toJavaScriptJson(event));
			assertThat(receiver.lastRequest().header("ce-time")).isEqualTo("2024-05-06T05:08:09.123Z");
			assertThat(receiver.lastEvent().time()).isEqualTo(OffsetDateTime.parse("2024-05-06T05:08:09.123Z"))
				.isNotEqualTo(event.time());
		}
	}

	/**
	 * Spec, OPTIONAL Attributes ({@code time} is OPTIONAL): the JavaScript SDK makes one
	 * up (the current time) for an event that has none, so receivers cannot tell it was
	 * absent.
	 */
	@Test
	void theJavaScriptSdkMakesUpATimeForAnEventThatHasNone() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().time(null).build();
		CloudEventHttpMessage message = CloudEventHttp.toBinary(event);
		assertThat(message.headers().containsHeader("ce-time")).isFalse();
		JsonNode received = sendToJavaScript(message);
		assertThat(received.path("event").has("time")).isTrue();
	}

	/**
	 * HTTP binding 3.1.3.2: a receiver must percent-decode {@code ce-} header values. The
	 * JavaScript SDK does not, so it sees the encoded text. We encode as the spec says
	 * anyway.
	 */
	@Test
	void theJavaScriptSdkDoesNotPercentDecodeHeaderValues() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("Euro \u20AC").build();
		JsonNode received = sendToJavaScript(CloudEventHttp.toBinary(event));
		assertThat(received.path("event").path("subject").asString()).isEqualTo("Euro%20%E2%82%AC");
	}

	/**
	 * HTTP binding 3.1.3.2: a sender must percent-encode space, {@code "}, {@code %} and
	 * everything outside printable ASCII. The JavaScript SDK sends values as they are. A
	 * raw space is unambiguous, and we accept it.
	 */
	@Test
	void weAcceptTheUnencodedSpacesTheJavaScriptSdkSends() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("orders 42").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			assertThat(peer.send(receiver.uri(), "binary", PeerEvents.toJavaScriptJson(event)).status()).isEqualTo(202);
			assertThat(receiver.lastRequest().header("ce-subject")).isEqualTo("orders 42");
			assertThat(receiver.lastEvent().subject()).isEqualTo("orders 42");
		}
	}

	/**
	 * HTTP binding 3.1.3.2: a {@code %} must travel as {@code %25}. The JavaScript SDK
	 * sends it raw, which we cannot tell from an escape: we reject the event with a 400
	 * that names the attribute rather than guess.
	 */
	@Test
	void weRejectTheUnencodedPercentSignTheJavaScriptSdkSends() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("50% off").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			NodePeer.SendResult result = peer.send(receiver.uri(), "binary", PeerEvents.toJavaScriptJson(event));
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.body()).contains("'subject'").contains("two hex digits");
			assertThat(receiver.lastRequest().error()).isInstanceOf(InvalidCloudEventException.class);
		}
	}

	/**
	 * HTTP binding 3.1.3.2: non-ASCII characters must travel as percent-encoded UTF-8.
	 * The JavaScript SDK sends characters up to U+00FF as single ISO-8859-1 bytes. Our
	 * decoder takes raw header bytes as UTF-8, and a lone {@code 0xE9} is not UTF-8, so
	 * we reject the event with a 400 that names the attribute rather than guess the
	 * charset.
	 */
	@Test
	void weRejectTheRawLatin1HeaderBytesTheJavaScriptSdkSends() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("caf\u00E9").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			NodePeer.SendResult result = peer.send(receiver.uri(), "binary", PeerEvents.toJavaScriptJson(event));
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.body()).contains("'subject'").contains("not valid UTF-8");
			// the JDK server hands the raw byte over as the ISO-8859-1 character
			assertThat(receiver.lastRequest().header("ce-subject")).isEqualTo("caf\u00E9");
			assertThat(receiver.lastRequest().error()).isInstanceOf(InvalidCloudEventException.class);
		}
	}

	/**
	 * HTTP binding 3.1.3.2: characters above U+00FF can only travel percent-encoded. The
	 * JavaScript SDK does not encode them, and Node's {@code fetch} refuses the header,
	 * so such an event cannot be sent in binary mode at all.
	 */
	@Test
	void theJavaScriptSdkCannotSendCharactersAboveLatin1InBinaryMode() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("Euro \u20AC").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			NodePeer.SendResult result = peer.send(receiver.uri(), "binary", PeerEvents.toJavaScriptJson(event));
			assertThat(result.delivered()).isFalse();
			assertThat(result.stage()).isEqualTo("post");
			assertThat(receiver.requests()).isEmpty();
		}
	}

	/**
	 * HTTP binding 3.1.2 (binary mode: the data bytes are the body) with spec, Event Data
	 * (data is OPTIONAL): we send an event without data as an empty body with no
	 * {@code Content-Type}; the JavaScript SDK reads it as the data {@code ""}, so an
	 * event without data gains empty data.
	 */
	@Test
	void theJavaScriptSdkReadsAnEmptyBinaryModeBodyAsEmptyStringData() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event();
		CloudEventHttpMessage message = CloudEventHttp.toBinary(event);
		assertThat(message.body()).isEmpty();
		assertThat(message.headers().getContentType()).isNull();
		JsonNode received = sendToJavaScript(message);
		assertThat(received.path("event").get("data")).isEqualTo(JSON.getNodeFactory().textNode(""));
		assertThat(received.path("event").has("datacontenttype")).isFalse();
	}

	/**
	 * HTTP binding 3.1.1: {@code datacontenttype} maps to {@code Content-Type}. For an
	 * event with neither data nor {@code datacontenttype}, the JavaScript SDK sends
	 * {@code Content-Type: application/json; charset=utf-8} all the same, so we receive a
	 * {@code datacontenttype} the sender never set. We keep it: the header is all a
	 * receiver has.
	 */
	@Test
	void theJavaScriptSdkSendsAJsonContentTypeWithAnEventThatHasNoData() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			assertThat(peer.send(receiver.uri(), "binary", PeerEvents.toJavaScriptJson(event)).status()).isEqualTo(202);
			CloudEvent received = receiver.lastEvent();
			assertThat(received.dataContentType()).isEqualTo("application/json; charset=utf-8");
			assertThat(received.hasData()).isFalse();
		}
	}

	/**
	 * HTTP binding 3.1.2 and JSON format 3.1: in binary mode the body is the data, and
	 * {@code 42} is a JSON number. The JavaScript SDK only parses a body that starts with
	 * a bracket, brace or quote, and takes anything else as a string.
	 */
	@Test
	void theJavaScriptSdkReadsABinaryModeJsonNumberAsAString() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0)
			.event()
			.mutate()
			.data("application/json", "42".getBytes(StandardCharsets.UTF_8))
			.build();
		JsonNode received = sendToJavaScript(CloudEventHttp.toBinary(event));
		assertThat(received.path("event").get("data")).isEqualTo(JSON.getNodeFactory().textNode("42"));
	}

	/**
	 * JSON format 3.1: {@code data} may be any JSON value, {@code 0} included. The
	 * JavaScript SDK skips every core member of a structured event whose value is falsy
	 * ({@code if (property)}), so the data {@code 0} is lost. Extensions are kept, even
	 * {@code false}.
	 */
	@Test
	void theJavaScriptSdkDropsFalsyDataOfAStructuredModeEvent() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0)
			.event()
			.mutate()
			.extension("urgent", false)
			.data("application/json", "0".getBytes(StandardCharsets.UTF_8))
			.build();
		CloudEventHttpMessage message = CloudEventHttp.toStructured(event);
		assertThat(JSON.readTree(message.body()).get("data").isNumber()).isTrue();
		JsonNode received = sendToJavaScript(message);
		assertThat(received.path("event").has("data")).isFalse();
		assertThat(received.path("event").get("urgent")).isEqualTo(JSON.getNodeFactory().booleanNode(false));
	}

	/**
	 * JSON format of spec 0.3: binary data travels in {@code data} with
	 * {@code "datacontentencoding": "base64"}; {@code data_base64} exists only in 1.0.
	 * The JavaScript SDK writes {@code data_base64} whatever the version. We reject it
	 * with a 400 that says how 0.3 carries binary data, rather than take a 1.0 member in
	 * a 0.3 event.
	 */
	@Test
	void weRejectTheDataBase64TheJavaScriptSdkWritesInA03Event() throws IOException {
		CloudEvent event = InteropEvents.binary(SpecVersion.V0_3).event();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			NodePeer.SendResult result = peer.send(receiver.uri(), "structured", PeerEvents.toJavaScriptJson(event));
			assertThat(result.sent().path("body").asString()).contains("\"data_base64\"")
				.doesNotContain("datacontentencoding");
			assertThat(result.status()).isEqualTo(400);
			assertThat(result.body()).contains("data_base64").contains("datacontentencoding");
			assertThat(receiver.lastRequest().error()).isInstanceOf(InvalidCloudEventException.class);
		}
	}

	private static JsonNode sendToJavaScript(CloudEventHttpMessage message) throws IOException {
		int before = javaScriptReceiver.receivedEvents().size();
		HttpResponse<String> response = CloudEventHttpMessageClient.post(javaScriptReceiver.uri(), message);
		List<JsonNode> records = javaScriptReceiver.receivedEvents();
		assertThat(records).as(response.body()).hasSize(before + 1);
		return records.get(records.size() - 1);
	}

}
