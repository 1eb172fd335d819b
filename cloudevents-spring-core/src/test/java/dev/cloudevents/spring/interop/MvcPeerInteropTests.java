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

}
