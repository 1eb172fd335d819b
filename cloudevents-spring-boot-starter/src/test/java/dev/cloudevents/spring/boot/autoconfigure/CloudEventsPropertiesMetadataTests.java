package dev.cloudevents.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import dev.cloudevents.spring.EventLimits;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsPropertiesMetadataTests {

	// values that have no default by design: no sink, no default topic, a source
	// computed from the application name, an unlimited rate
	private static final Set<String> WITHOUT_DEFAULT = Set.of("cloudevents.http.sink", "cloudevents.kafka.topic",
			"cloudevents.source", "cloudevents.webhook.allowed-rate");

	@Test
	void everyPropertyButThoseWithoutADefaultHasOneInTheMetadata() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties).hasSizeGreaterThan(15);
		properties.forEach((name, property) -> {
			if (WITHOUT_DEFAULT.contains(name)) {
				assertThat(property.has("defaultValue")).as(name).isFalse();
			}
			else {
				assertThat(property.has("defaultValue")).as(name).isTrue();
			}
		});
	}

	@Test
	void limitDefaultsInTheMetadataAreThoseOfEventLimits() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get("cloudevents.http.max-batch-size").get("defaultValue").asInt())
			.isEqualTo(EventLimits.DEFAULT_MAX_BATCH_SIZE);
		assertThat(properties.get("cloudevents.http.max-extensions").get("defaultValue").asInt())
			.isEqualTo(EventLimits.DEFAULT_MAX_EXTENSIONS);
		assertThat(properties.get("cloudevents.http.json.max-nesting-depth").get("defaultValue").asInt())
			.isEqualTo(EventLimits.DEFAULT_MAX_NESTING_DEPTH);
		assertThat(properties.get("cloudevents.http.json.max-string-length").get("defaultValue").asInt())
			.isEqualTo(EventLimits.DEFAULT_MAX_STRING_LENGTH);
		assertThat(properties.get("cloudevents.http.json.max-number-length").get("defaultValue").asInt())
			.isEqualTo(EventLimits.DEFAULT_MAX_NUMBER_LENGTH);
	}

	@Test
	void timeoutAndOriginDefaultsInTheMetadataAreThoseInForce() throws IOException {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get("cloudevents.http.connect-timeout").get("defaultValue").asString())
			.isEqualTo(TemplateClients.DEFAULT_CONNECT_TIMEOUT.toSeconds() + "s");
		assertThat(properties.get("cloudevents.http.read-timeout").get("defaultValue").asString())
			.isEqualTo(TemplateClients.DEFAULT_READ_TIMEOUT.toSeconds() + "s");
		assertThat(properties.get("cloudevents.webhook.allowed-origins").get("defaultValue").get(0).asString())
			.isEqualTo(new CloudEventsProperties().getWebhook().getAllowedOrigins().get(0));
	}

	private static Map<String, JsonNode> properties() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			Map<String, JsonNode> properties = new HashMap<>();
			JsonMapper.shared().readTree(in).get("properties").forEach((property) -> {
				String name = property.get("name").asString();
				if (name.startsWith("cloudevents.")) {
					properties.put(name, property);
				}
			});
			return properties;
		}
	}

}
