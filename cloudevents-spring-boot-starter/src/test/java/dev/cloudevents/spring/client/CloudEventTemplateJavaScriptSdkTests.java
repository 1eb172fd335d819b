package dev.cloudevents.spring.client;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.interop.NodePeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both templates send to the CloudEvents JavaScript SDK, run as an HTTP receiver by
 * core's {@link NodePeer}: what it parses is what was sent, in both content modes and
 * spec versions.
 */
class CloudEventTemplateJavaScriptSdkTests {

	private static final URI SOURCE = URI.create("https://example.com/orders");

	private static NodePeer.Receiver receiver;

	private final CloudEventTemplate template = new CloudEventTemplate(RestClient.create(),
			new CloudEventHttpBinding());

	private final ReactiveCloudEventTemplate reactiveTemplate = new ReactiveCloudEventTemplate(WebClient.create(),
			new CloudEventHttpBinding());

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = NodePeer.create().start();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@ParameterizedTest
	@CsvSource({ "BINARY, 1.0", "STRUCTURED, 1.0", "BINARY, 0.3", "STRUCTURED, 0.3" })
	void cloudEventTemplateSendsWhatTheJavaScriptSdkReads(ContentMode mode, String specVersion) throws IOException {
		CloudEvent event = event("blocking-" + mode + "-" + specVersion, specVersion);
		this.template.send(receiver.uri(), event, mode);
		assertReceived(event, mode);
	}

	@ParameterizedTest
	@CsvSource({ "BINARY, 1.0", "STRUCTURED, 1.0", "BINARY, 0.3", "STRUCTURED, 0.3" })
	void reactiveCloudEventTemplateSendsWhatTheJavaScriptSdkReads(ContentMode mode, String specVersion)
			throws IOException {
		CloudEvent event = event("reactive-" + mode + "-" + specVersion, specVersion);
		this.reactiveTemplate.send(receiver.uri(), event, mode).block(Duration.ofSeconds(30));
		assertReceived(event, mode);
	}

	private static CloudEvent event(String id, String specVersion) {
		return CloudEvent.builder()
			.specVersion(SpecVersion.of(specVersion))
			.id(id)
			.source(SOURCE)
			.type("com.example.order.created")
			.subject("order-7")
			.time(OffsetDateTime.parse("2026-11-27T10:15:30.123Z"))
			.extension("tenant", "acme")
			.data(Map.of("id", "7", "quantity", 2))
			.build();
	}

	private static void assertReceived(CloudEvent sent, ContentMode mode) throws IOException {
		List<JsonNode> records = receiver.receivedEvents();
		JsonNode record = records.get(records.size() - 1);
		assertThat(record.path("error").isMissingNode()).as(record.toString()).isTrue();
		assertThat(record.path("mode").asString()).isEqualTo(mode.name().toLowerCase(java.util.Locale.ROOT));
		JsonNode event = record.path("event");
		assertThat(event.path("specversion").asString()).isEqualTo(sent.specVersion().value());
		assertThat(event.path("id").asString()).isEqualTo(sent.id());
		assertThat(event.path("source").asString()).isEqualTo(SOURCE.toString());
		assertThat(event.path("type").asString()).isEqualTo("com.example.order.created");
		assertThat(event.path("subject").asString()).isEqualTo("order-7");
		assertThat(event.path("time").asString()).isEqualTo("2026-11-27T10:15:30.123Z");
		assertThat(event.path("tenant").asString()).isEqualTo("acme");
		assertThat(event.path("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.path("data").path("id").asString()).isEqualTo("7");
		assertThat(event.path("data").path("quantity").asInt()).isEqualTo(2);
	}

}
