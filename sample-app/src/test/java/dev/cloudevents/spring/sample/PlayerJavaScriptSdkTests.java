package dev.cloudevents.spring.sample;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import dev.cloudevents.spring.interop.NodePeer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudEvents JavaScript SDK, driven by core's {@link NodePeer}, sends to the running
 * Player, which lists what it received.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlayerJavaScriptSdkTests {

	private static final String EVENT = """
			{"specversion":"%s","id":"%s","source":"https://example.com/js","type":"com.example.js.sent",
			"subject":"from-node","comexampleext":"value","datacontenttype":"application/json",
			"data":{"greeting":"hello from the JavaScript SDK"}}""";

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@CsvSource({ "binary, 1.0", "structured, 1.0", "binary, 0.3", "structured, 0.3" })
	void playerReceivesWhatTheJavaScriptSdkSends(String mode, String specVersion) throws IOException {
		String id = "js-" + mode + "-" + specVersion;
		NodePeer.SendResult result = NodePeer.create()
			.send(URI.create("http://127.0.0.1:" + this.port + "/"), mode, EVENT.formatted(specVersion, id));
		assertThat(result.error()).isNull();
		assertThat(result.status()).as(result.body()).isEqualTo(202);
		String listing = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/api/events")
			.retrieve()
			.body(String.class);
		JsonNode received = null;
		for (JsonNode event : JsonMapper.shared().readTree(listing)) {
			if (event.path("id").asString().equals(id)) {
				received = event;
			}
		}
		assertThat(received).as(listing).isNotNull();
		assertThat(received.path("specversion").asString()).isEqualTo(specVersion);
		assertThat(received.path("type").asString()).isEqualTo("com.example.js.sent");
		assertThat(received.path("subject").asString()).isEqualTo("from-node");
		assertThat(received.path("comexampleext").asString()).isEqualTo("value");
		assertThat(received.path("data").path("greeting").asString()).isEqualTo("hello from the JavaScript SDK");
	}

}
