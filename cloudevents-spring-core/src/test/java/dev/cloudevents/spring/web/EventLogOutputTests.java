package dev.cloudevents.spring.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.mvc.CloudEventExceptionHandler;
import dev.cloudevents.spring.mvc.CloudEventMethodArgumentResolver;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class EventLogOutputTests {

	private final Logger converterLogger = (Logger) LoggerFactory.getLogger(CloudEventHttpMessageConverter.class);

	private MockMvcTester mvc;

	@BeforeEach
	void setUp() {
		CloudEventHttpMessageConverter converter = new CloudEventHttpMessageConverter(
				new CloudEventHttpBinding(new JsonEventFormat(JsonMapper.builder().build())));
		this.mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new EventController())
			.setCustomArgumentResolvers(new CloudEventMethodArgumentResolver(converter))
			.setMessageConverters(converter)
			.setControllerAdvice(new CloudEventExceptionHandler())
			.build());
		this.converterLogger.setLevel(Level.DEBUG);
	}

	@AfterEach
	void resetLevel() {
		this.converterLogger.setLevel(null);
	}

	@Test
	void eventReadIsLoggedAtDebugWithoutItsData(CapturedOutput output) {
		assertThat(this.mvc.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "log-1")
			.header("ce-source", "/orders")
			.header("ce-type", "com.example.order.created")
			.contentType(MediaType.TEXT_PLAIN)
			.content("secret data")
			.exchange()).hasStatus(HttpStatus.ACCEPTED);
		assertThat(output.getOut())
			.contains("DEBUG",
					"Read CloudEvent id='log-1', type='com.example.order.created', source='/orders', mode=binary")
			.doesNotContain("secret data");
	}

	@Test
	void rejectionsWithOneCauseAreLoggedOnceAtWarn(CapturedOutput output) {
		for (int i = 0; i < 3; i++) {
			assertThat(this.mvc.post().uri("/").header("ce-specversion", "1.0").header("ce-id", "x").exchange())
				.hasStatus(HttpStatus.BAD_REQUEST);
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("Rejected a CloudEvent request")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN", "POST / with 400: Attribute 'source' is required"));
	}

	@Test
	void rejectedValuesCannotForgeLogLines(CapturedOutput output) {
		assertThat(this.mvc.post()
			.uri("/body")
			.header("ce-specversion", "1.0")
			.header("Content-Type", "text/plain\r\nERROR forged line")
			.exchange()).hasStatus4xxClientError();
		assertThat(output.getOut()).contains("not a media type: 'text/plain\\r\\nERROR forged line'");
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("ERROR forged line"));
	}

	@RestController
	static class EventController {

		@PostMapping("/")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void event(CloudEvent event) {
		}

		@PostMapping("/body")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void body(@RequestBody CloudEvent event) {
		}

	}

}
