package dev.cloudevents.spring.webflux;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageWriter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.mvc.RecordingController;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.web.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class CloudEventWebFluxServerTests {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	@LocalServerPort
	int port;

	@Autowired
	ReactiveWebServerApplicationContext context;

	@Autowired
	CloudEventHttpMessageReader reader;

	@Autowired
	CloudEventHttpMessageWriter writer;

	@Autowired
	Received received;

	WebClient client;

	@BeforeEach
	void setUp() {
		this.received.clear();
		this.client = WebClient.builder().baseUrl("http://localhost:" + this.port).codecs((codecs) -> {
			codecs.customCodecs().register(this.reader);
			codecs.customCodecs().register(this.writer);
		}).build();
	}

	@Test
	void serverIsNetty() {
		assertThat(this.context.getWebServer().getClass().getSimpleName()).isEqualTo("NettyWebServer");
	}

	@Test
	void webClientSendsBinaryEventAndReadsBinaryReply() {
		CloudEvent event = TestEvents.orderEvent("wc-1");
		ResponseEntity<CloudEvent> response = this.client.post()
			.uri("/reply")
			.bodyValue(event)
			.retrieve()
			.toEntity(CloudEvent.class)
			.block(TIMEOUT);
		assertThat(response.getHeaders().getFirst("ce-id")).isEqualTo("wc-1-reply");
		assertThat(response.getBody()).isEqualTo(RecordingController.reply(event));
		assertThat(this.received.arguments()).containsExactly(event);
	}

	@Test
	void webClientSendsStructuredEventWhenAskedAndReadsStructuredReply() {
		CloudEvent event = TestEvents.orderEvent("wc-2").toSpecVersion(SpecVersion.V0_3);
		ResponseEntity<CloudEvent> response = this.client.post()
			.uri("/fn/reply")
			.contentType(JsonEventFormat.MEDIA_TYPE)
			.bodyValue(event)
			.retrieve()
			.toEntity(CloudEvent.class)
			.block(TIMEOUT);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(JsonEventFormat.MEDIA_TYPE)).isTrue();
		assertThat(response.getBody()).isEqualTo(RecordingController.reply(event));
	}

	@Test
	void webClientSendsFluxAsBatchAndReadsBatchReply() {
		Flux<CloudEvent> events = Flux.just(TestEvents.orderEvent("wc-3"), TestEvents.orderEvent("wc-4"));
		List<CloudEvent> replies = this.client.post()
			.uri("/reply/flux")
			.body(events, CloudEvent.class)
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<CloudEvent>>() {
			})
			.block(TIMEOUT);
		assertThat(replies).extracting(CloudEvent::id).containsExactly("wc-3-reply", "wc-4-reply");
	}

	@Test
	void invalidEventGetsProblemOverRealHttp() {
		ResponseEntity<String> response = this.client.post()
			.uri("/fn")
			.header("ce-specversion", "1.0")
			.header("ce-id", "x")
			.header("ce-type", "t")
			.exchangeToMono((clientResponse) -> clientResponse.toEntity(String.class))
			.block(TIMEOUT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).contains("source").doesNotContain("Exception");
		assertThat(this.received.invocations()).isZero();
	}

	@Test
	void binaryHeadersAreReadInAnyLetterCaseAndPercentDecoded() {
		ResponseEntity<Void> response = this.client.post()
			.uri("/")
			.header("CE-SpecVersion", "1.0")
			.header("Ce-Id", "n-1")
			.header("ce-source", "/orders")
			.header("CE-TYPE", "com.example.order")
			.header("ce-subject", "caf%C3%A9 42")
			.header("Ce-MyExt", "a%20b")
			.header("X-Other", "not an attribute")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("hi")
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.received.arguments()).singleElement().isInstanceOfSatisfying(CloudEvent.class, (event) -> {
			assertThat(event.id()).isEqualTo("n-1");
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
			.exchangeToMono((clientResponse) -> clientResponse.toEntity(String.class))
			.block(TIMEOUT);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("ce-id").contains("2 times");
		assertThat(this.received.invocations()).isZero();
	}

	@Test
	void headersRewrittenByAWebFilterAreTheOnesRead() {
		this.client.post()
			.uri("/")
			.header("ce-specversion", "1.0")
			.header("ce-id", "n-2")
			.header("ce-source", "/orders")
			.header("ce-type", "t")
			.header("ce-subject", "as sent")
			.header("x-test-subject", "rewritten")
			.retrieve()
			.toBodilessEntity()
			.block(TIMEOUT);
		assertThat(this.received.arguments()).singleElement()
			.isInstanceOfSatisfying(CloudEvent.class, (event) -> assertThat(event.subject()).isEqualTo("rewritten"));
	}

}
