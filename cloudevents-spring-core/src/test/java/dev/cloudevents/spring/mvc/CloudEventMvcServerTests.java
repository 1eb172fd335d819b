package dev.cloudevents.spring.mvc;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class CloudEventMvcServerTests {

	@LocalServerPort
	int port;

	@Autowired
	CloudEventHttpMessageConverter converter;

	@Autowired
	Received received;

	RestClient client;

	@BeforeEach
	void setUp() {
		this.received.clear();
		this.client = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.configureMessageConverters((converters) -> converters.addCustomConverter(this.converter))
			.build();
	}

	@Test
	void restClientSendsBinaryEventByDefault() {
		CloudEvent event = TestEvents.orderEvent("rc-1");
		ResponseEntity<Void> response = this.client.post().uri("/").body(event).retrieve().toBodilessEntity();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).containsExactly(event);
	}

	@Test
	void restClientSendsStructuredEventWhenAskedAndReadsStructuredReply() {
		CloudEvent event = TestEvents.orderEvent("rc-2").toSpecVersion(SpecVersion.V0_3);
		ResponseEntity<CloudEvent> response = this.client.post()
			.uri("/reply")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.body(event)
			.retrieve()
			.toEntity(CloudEvent.class);
		assertThat(response.getHeaders().getContentType())
			.satisfies((type) -> assertThat(type.isCompatibleWith(JsonEventFormat.MEDIA_TYPE)).isTrue());
		assertThat(response.getBody()).isEqualTo(RecordingController.reply(event));
	}

	@Test
	void restClientReadsBinaryReply() {
		CloudEvent event = TestEvents.orderEvent("rc-3");
		ResponseEntity<CloudEvent> response = this.client.post()
			.uri("/reply")
			.body(event)
			.retrieve()
			.toEntity(CloudEvent.class);
		assertThat(response.getHeaders().getFirst("ce-id")).isEqualTo("rc-3-reply");
		assertThat(response.getBody()).isEqualTo(RecordingController.reply(event));
	}

	@Test
	void restClientSendsAndReadsBatch() {
		List<CloudEvent> events = List.of(TestEvents.orderEvent("rc-4"), TestEvents.orderEvent("rc-5"));
		List<CloudEvent> replies = this.client.post()
			.uri("/reply/batch")
			.body(events, new ParameterizedTypeReference<List<CloudEvent>>() {
			})
			.retrieve()
			.body(new ParameterizedTypeReference<List<CloudEvent>>() {
			});
		assertThat(replies).extracting(CloudEvent::id).containsExactly("rc-4-reply", "rc-5-reply");
	}

	@Test
	void restTemplateSendsEventAndReadsReply() {
		RestTemplate restTemplate = new RestTemplate(List.of(this.converter, new StringHttpMessageConverter()));
		CloudEvent event = TestEvents.orderEvent("rt-1");
		CloudEvent reply = restTemplate.postForObject("http://localhost:" + this.port + "/reply", event,
				CloudEvent.class);
		assertThat(reply).isEqualTo(RecordingController.reply(event));
	}

	@Test
	void invalidEventGetsProblemOverRealHttp() {
		ResponseEntity<String> response = this.client.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-type", "t")
			.exchange((request, clientResponse) -> ResponseEntity.status(clientResponse.getStatusCode())
				.headers(clientResponse.getHeaders())
				.body(new String(clientResponse.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("source").doesNotContain("Exception");
		assertThat(this.received.invocations()).isZero();
	}

	@Test
	void binaryHeadersAreReadInAnyLetterCaseAndPercentDecoded() {
		ResponseEntity<Void> response = RestClient.create("http://localhost:" + this.port)
			.post()
			.uri("/")
			.header("CE-SpecVersion", "1.0")
			.header("Ce-Id", "t-1")
			.header("ce-source", "/orders")
			.header("CE-TYPE", "com.example.order")
			.header("ce-subject", "caf%C3%A9 42")
			.header("Ce-MyExt", "a%20b")
			.header("X-Other", "not an attribute")
			.contentType(MediaType.TEXT_PLAIN)
			.body("hi".getBytes(StandardCharsets.UTF_8))
			.retrieve()
			.toBodilessEntity();
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).singleElement().isInstanceOfSatisfying(CloudEvent.class, (event) -> {
			assertThat(event.id()).isEqualTo("t-1");
			assertThat(event.subject()).isEqualTo("café 42");
			assertThat(event.extensions()).containsOnly(Map.entry("myext", "a b"));
			assertThat(event.dataContentType()).isEqualTo("text/plain");
			assertThat(event.data()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
		});
	}

	@Test
	void headerSentTwiceGetsProblem() {
		ResponseEntity<String> response = this.client.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "a", "b")
			.header("ce-source", "/orders")
			.header("ce-type", "t")
			.exchange((request, clientResponse) -> ResponseEntity.status(clientResponse.getStatusCode())
				.body(new String(clientResponse.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("ce-id").contains("2 times");
		assertThat(this.received.invocations()).isZero();
	}

}
