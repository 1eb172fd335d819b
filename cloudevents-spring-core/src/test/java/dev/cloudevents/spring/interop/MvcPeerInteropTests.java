package dev.cloudevents.spring.interop;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.interop.InteropEvents.InteropEvent;
import dev.cloudevents.spring.mvc.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference Java SDK and the JavaScript SDK against Spring MVC on Tomcat.
 */
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcPeerInteropTests extends AbstractPeerInteropTests {

	@Autowired
	ServletWebServerApplicationContext context;

	@Test
	void theServerIsTomcat() {
		assertThat(this.context.getWebServer().getClass().getSimpleName()).isEqualTo("TomcatWebServer");
	}

	/**
	 * RFC 9110 8.3.1 allows optional whitespace before a media type parameter, and Tomcat
	 * writes none: {@code application/cloudevents+json; charset=utf-8} goes out as
	 * {@code application/cloudevents+json;charset=utf-8}. The JavaScript SDK looks
	 * Content-Types up by exact string, so it cannot read a structured mode reply from
	 * Tomcat (see {@code PEER-NOTES.md}, Receiving).
	 */
	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("eventsTheJavaScriptSdkSendsInStructuredMode")
	void theJavaScriptSdkCannotReadAStructuredModeReplyFromTomcat(ContentMode mode, InteropEvent sent)
			throws IOException {
		NodePeer.SendResult result = sendWithJavaScriptSdk("/reply", mode, sent);
		assertThat(result.status()).as(result.body()).isEqualTo(200);
		assertThat(result.headers().get("content-type")).isEqualTo(JSON_EVENT_FORMAT + ";charset=utf-8");
		assertThat(result.replyError()).isEqualTo("invalid content type " + JSON_EVENT_FORMAT + ";charset=utf-8");
		assertThat(result.body()).contains("\"id\":\"" + sent.event().id() + "-reply\"");
	}

}
