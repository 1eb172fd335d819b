package dev.cloudevents.spring.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventHttpTests {

	@Test
	void fromHttpReadsABinaryEventFromPlainStringHeadersInAnyCase() {
		byte[] body = "{\"message\":\"Hello World!\"}".getBytes(StandardCharsets.UTF_8);
		CloudEvent event = CloudEventHttp.fromHttp(Map.of("ce-specversion", "1.0", "CE-ID", "1", "ce-source",
				"https://example.com/event-producer", "ce-type", "com.example.sampletype1", "content-type",
				"application/json", "ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), body);
		assertThat(event.id()).isEqualTo("1");
		assertThat(event.source()).isEqualTo(URI.create("https://example.com/event-producer"));
		assertThat(event.dataContentType()).isEqualTo("application/json");
		assertThat(event.extension("traceparent")).isNotNull();
		assertThat(event.data()).isEqualTo(body);
	}

	@Test
	void fromHttpReadsAStructuredEventFromPlainStringHeaders() {
		CloudEvent sent = CloudEvent.of(Map.of("type", "t", "source", "/s"), "text");
		CloudEventHttpMessage message = CloudEventHttp.toStructured(sent);
		CloudEvent received = CloudEventHttp
			.fromHttp(Map.of("Content-Type", message.headers().getFirst("Content-Type")), message.body());
		assertThat(received).isEqualTo(sent);
	}

	@Test
	void fromHttpRejectsPlainHeadersWithoutAnEvent() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttp(Map.of("ce-id", "1"), new byte[0]));
	}

}
