package dev.cloudevents.spring.interop;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.interop.InteropEvents.InteropEvent;
import dev.cloudevents.spring.mvc.RecordingController;
import dev.cloudevents.spring.webflux.WebFluxTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference Java SDK and the JavaScript SDK against Spring WebFlux on Netty.
 */
@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class WebFluxPeerInteropTests extends AbstractPeerInteropTests {

	@Autowired
	ReactiveWebServerApplicationContext context;

	@Test
	void theServerIsNetty() {
		assertThat(this.context.getWebServer().getClass().getSimpleName()).isEqualTo("NettyWebServer");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("dev.cloudevents.spring.interop.InteropEvents#inBothModes")
	void theReferenceSdkReadsTheReplyOfAFunctionalEndpoint(ContentMode mode, InteropEvent sent) throws IOException {
		ReferenceSdkPeer.Response response = ReferenceSdkPeer.post(uri("/fn/reply"), InteropEvents.modeName(mode),
				PeerEvents.toReferenceSdk(sent.event()));
		assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
		CloudEvent expected = RecordingController.reply(PeerEvents.asReferenceSdkSends(sent.event(), mode));
		assertThat(response.toEvent().getId()).isEqualTo(expected.id());
		assertThat(this.received.arguments()).containsExactly(PeerEvents.asReferenceSdkSends(sent.event(), mode));
	}

}
