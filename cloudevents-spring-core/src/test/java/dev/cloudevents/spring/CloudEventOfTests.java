package dev.cloudevents.spring;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventOfTests {

	@Test
	void attributesAndDataMakeAnEventWithIdTimeAndSpecVersionFilledIn() {
		CloudEvent event = CloudEvent.of(
				Map.of("type", "com.example.sampletype1", "source", "https://example.com/event-producer"),
				Map.of("message", "Hello World!"));
		assertThat(event.type()).isEqualTo("com.example.sampletype1");
		assertThat(event.source()).isEqualTo(URI.create("https://example.com/event-producer"));
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V1_0);
		assertThat(event.id()).isNotBlank();
		assertThat(event.time()).isNotNull();
		assertThat(event.dataContentType()).isEqualTo("application/json");
		assertThat(event.dataValue()).isEqualTo(Map.of("message", "Hello World!"));
	}

	@Test
	void stringValuesAreCanonicalEncodingsAndTypedValuesAreTakenAsTheyAre() {
		OffsetDateTime time = OffsetDateTime.parse("2020-01-02T03:04:05Z");
		Map<String, Object> attributes = new HashMap<>();
		attributes.put("specversion", "0.3");
		attributes.put("id", "42");
		attributes.put("source", URI.create("/orders"));
		attributes.put("type", "t");
		attributes.put("time", time);
		attributes.put("subject", "order-42");
		attributes.put("count", 3);
		attributes.put("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		attributes.put("skipped", null);
		CloudEvent event = CloudEvent.of(attributes, null);
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V0_3);
		assertThat(event.id()).isEqualTo("42");
		assertThat(event.source()).isEqualTo(URI.create("/orders"));
		assertThat(event.time()).isEqualTo(time);
		assertThat(event.subject()).isEqualTo("order-42");
		assertThat(event.extensions()).containsOnlyKeys("count", "traceparent");
		assertThat(event.extension("count")).isEqualTo(3);
		assertThat(event.hasData()).isFalse();
	}

	@Test
	void eachAttributeIsReadableByName() {
		CloudEvent event = CloudEvent.of(Map.of("type", "t", "source", "/s", "id", "1"), "text");
		assertThat(event.attribute("id")).isEqualTo("1");
		assertThat(event.attribute("type")).isEqualTo("t");
		assertThat(event.dataContentType()).isEqualTo("text/plain; charset=utf-8");
	}

	@Test
	void aMissingRequiredAttributeIsRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.of(Map.of("source", "/s"), null))
			.withMessageContaining("type");
	}

	@Test
	void anInvalidCanonicalStringIsRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.of(Map.of("type", "t", "source", "/s", "time", "yesterday"), null))
			.withMessageContaining("time");
	}

}
