package dev.cloudevents.spring.interop;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudevents.rw.CloudEventRWException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.interop.InteropEvents.InteropEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Interoperability with the reference Java SDK 4.0.1 ({@code io.cloudevents}) over real
 * HTTP on the loopback interface, in both directions, both content modes and both spec
 * versions. See {@code src/test/js/PEER-NOTES.md} for where that SDK departs from the
 * specification.
 */
class ReferenceSdkInteropTests {

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.cloudevents.spring.interop.InteropEvents#inBothModes")
	void theReferenceSdkReceivesEveryAttributeAndTheDataWeSend(ContentMode mode, InteropEvent sent) throws IOException {
		try (CloudEventReceiver<io.cloudevents.CloudEvent> receiver = referenceSdkReceiver()) {
			HttpResponse<String> response = receiver.post(InteropEvents.encode(sent.event(), mode));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			io.cloudevents.CloudEvent received = receiver.lastEvent();
			CloudEvent expected = InteropEvents.asCarriedIn(mode, sent.event());
			assertThat(PeerEvents.attributesOf(received)).containsExactlyInAnyOrderEntriesOf(expected.attributes());
			// the map compares OffsetDateTime with equals(): the same instant, offset and
			// fraction; said explicitly here
			assertThat(received.getTime()).isAtSameInstantAs(expected.time());
			assertThat(received.getTime().getOffset()).isEqualTo(expected.time().getOffset());
			assertThat(PeerEvents.dataOf(received)).isEqualTo(expected.data());
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.cloudevents.spring.interop.InteropEvents#inBothModes")
	void weReceiveEveryAttributeAndTheDataTheReferenceSdkSends(ContentMode mode, InteropEvent sent) throws IOException {
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			ReferenceSdkPeer.Response response = ReferenceSdkPeer.post(receiver.uri(), InteropEvents.modeName(mode),
					PeerEvents.toReferenceSdk(sent.event()));
			assertThat(response.status()).as(response.bodyText()).isEqualTo(202);
			CloudEvent received = receiver.lastEvent();
			CloudEvent expected = InteropEvents.asCarriedIn(mode, sent.event());
			if (mode == ContentMode.STRUCTURED && sent.event().specVersion() == SpecVersion.V0_3
					&& sent.event().hasData() && !sent.event().isJsonData()) {
				// 0.3 JSON format: non-JSON data travels as "datacontentencoding":
				// "base64";
				// our reader keeps that attribute on the event it decodes
				expected = expected.mutate().dataContentEncoding("base64").build();
			}
			assertThat(received.attributes()).containsExactlyInAnyOrderEntriesOf(expected.attributes());
			assertThat(received.time()).isAtSameInstantAs(expected.time());
			assertThat(received.time().getOffset()).isEqualTo(expected.time().getOffset());
			assertThat(received.data()).isEqualTo(expected.data());
		}
	}

	/**
	 * HTTP binding 3.1.3.2: a receiver must percent-decode {@code ce-} header values. The
	 * reference SDK does not ({@code HttpMessageReader.toCloudEventsValue}), so it sees
	 * the encoded text. We encode as the spec says anyway.
	 */
	@Test
	void theReferenceSdkDoesNotPercentDecodeHeaderValues() throws IOException {
		CloudEvent event = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("Euro \u20AC").build();
		try (CloudEventReceiver<io.cloudevents.CloudEvent> receiver = referenceSdkReceiver()) {
			CloudEventHttpMessage message = CloudEventHttp.toBinary(event);
			assertThat(message.headers().getFirst("ce-subject")).isEqualTo("Euro%20%E2%82%AC");
			assertThat(receiver.post(message).statusCode()).isEqualTo(202);
			assertThat(receiver.lastEvent().getSubject()).isEqualTo("Euro%20%E2%82%AC");
		}
	}

	/**
	 * HTTP binding 3.1.3.2: a sender must percent-encode space, {@code "}, {@code %} and
	 * every character outside printable ASCII. The reference SDK sends values as they
	 * are. A raw space reaches us intact and we accept it, as the value is unambiguous.
	 */
	@Test
	void weAcceptTheUnencodedSpacesTheReferenceSdkSends() throws IOException {
		CloudEvent sent = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("orders 42").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			assertThat(ReferenceSdkPeer.post(receiver.uri(), "binary", PeerEvents.toReferenceSdk(sent)).status())
				.isEqualTo(202);
			assertThat(receiver.lastRequest().header("ce-subject")).isEqualTo("orders 42");
			assertThat(receiver.lastEvent().subject()).isEqualTo("orders 42");
		}
	}

	/**
	 * HTTP binding 3.1.3.2: a {@code %} must travel as {@code %25}. The reference SDK
	 * sends it raw, so we cannot tell it from an escape: we reject the event with a 400
	 * that names the attribute rather than guess.
	 */
	@Test
	void weRejectTheUnencodedPercentSignTheReferenceSdkSends() throws IOException {
		CloudEvent sent = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("50% off").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			ReferenceSdkPeer.Response response = ReferenceSdkPeer.post(receiver.uri(), "binary",
					PeerEvents.toReferenceSdk(sent));
			assertThat(response.status()).isEqualTo(400);
			assertThat(receiver.lastRequest().error()).isInstanceOf(InvalidCloudEventException.class)
				.hasMessageContaining("subject")
				.hasMessageContaining("two hex digits");
		}
	}

	/**
	 * HTTP binding 3.1.3.2: a {@code "} must travel as {@code %22}. The reference SDK
	 * sends it raw, and we read a pair of double quotes as an RFC 7230 quoted string (as
	 * older senders used them), so the quotes disappear.
	 */
	@Test
	void weReadTheUnencodedDoubleQuotesTheReferenceSdkSendsAsAQuotedString() throws IOException {
		CloudEvent sent = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("say \"hi\"").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			assertThat(ReferenceSdkPeer.post(receiver.uri(), "binary", PeerEvents.toReferenceSdk(sent)).status())
				.isEqualTo(202);
			assertThat(receiver.lastRequest().header("ce-subject")).isEqualTo("say \"hi\"");
			assertThat(receiver.lastEvent().subject()).isEqualTo("say hi");
		}
	}

	/**
	 * HTTP binding 3.1.3.2: non-ASCII characters must be sent as percent-encoded UTF-8.
	 * The reference SDK hands them to {@code java.net.http} as they are, which (JDK 17)
	 * writes header values as US-ASCII and replaces every other character with {@code ?}.
	 * The value is lost before it leaves the sender; what arrives is a valid header,
	 * which we cannot tell from an intended {@code ?}.
	 */
	@Test
	void javaNetHttpTurnsTheLatin1CharactersTheReferenceSdkSendsIntoQuestionMarks() throws IOException {
		CloudEvent sent = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("caf\u00E9").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			assertThat(ReferenceSdkPeer.post(receiver.uri(), "binary", PeerEvents.toReferenceSdk(sent)).status())
				.isEqualTo(202);
			assertThat(receiver.lastRequest().header("ce-subject")).isEqualTo("caf?");
			assertThat(receiver.lastEvent().subject()).isEqualTo("caf?");
		}
	}

	/**
	 * HTTP binding 3.1.3.2: characters above U+00FF can only travel percent-encoded. The
	 * reference SDK does not encode them, and {@code java.net.http} refuses the header,
	 * so such an event cannot be sent in binary mode at all.
	 */
	@Test
	void theReferenceSdkCannotSendCharactersAboveLatin1InBinaryMode() throws IOException {
		CloudEvent sent = InteropEvents.noData(SpecVersion.V1_0).event().mutate().subject("Euro \u20AC").build();
		try (CloudEventReceiver<CloudEvent> receiver = CloudEventReceiver.start()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> ReferenceSdkPeer.post(receiver.uri(), "binary", PeerEvents.toReferenceSdk(sent)));
			assertThat(receiver.requests()).isEmpty();
		}
	}

	private static CloudEventReceiver<io.cloudevents.CloudEvent> referenceSdkReceiver() throws IOException {
		return CloudEventReceiver.start(ReferenceSdkInteropTests::readWithReferenceSdk);
	}

	private static io.cloudevents.CloudEvent readWithReferenceSdk(HttpHeaders headers, byte[] body) {
		Map<String, List<String>> multimap = new LinkedHashMap<>();
		headers.forEach(multimap::put);
		try {
			return ReferenceSdkPeer.fromHttpMultimap(multimap, body);
		}
		catch (CloudEventRWException ex) {
			throw new InvalidCloudEventException("The reference SDK rejected the request: " + ex.getMessage(), ex);
		}
	}

}
