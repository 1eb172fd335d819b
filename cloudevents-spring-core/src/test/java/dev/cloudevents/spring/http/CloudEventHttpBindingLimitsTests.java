package dev.cloudevents.spring.http;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.EventLimits.Limit;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link EventLimits} of the format, in every content mode of the binding.
 */
class CloudEventHttpBindingLimitsTests {

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding(
			new JsonEventFormat(JsonMapper.shared(), EventLimits.defaults().withMaxExtensions(2).withMaxBatchSize(2)));

	@Test
	void binaryModeMayCarryAsManyExtensionHeadersAsTheLimit() {
		CloudEvent event = this.binding.fromHttp(binaryHeaders(2), new byte[0]);
		assertThat(event.extensions()).containsOnlyKeys("ext0", "ext1");
	}

	@Test
	void binaryModeWithOneExtensionHeaderMoreIsRejectedNamingTheLimit() {
		assertThatExceptionOfType(EventLimitExceededException.class)
			.isThrownBy(() -> this.binding.fromHttp(binaryHeaders(3), new byte[0]))
			.withMessage("The event has more than 2 extension attributes in ce- headers (limit max-extensions)")
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(Limit.EXTENSIONS));
	}

	@Test
	void binaryModeCountsOnlyHeadersThatAreNoAttributeOfTheSpecVersion() {
		HttpHeaders headers = binaryHeaders(2);
		headers.set("ce-subject", "s");
		headers.set("ce-time", "2020-01-01T00:00:00Z");
		headers.set("ce-dataschema", "https://example.com/schema");
		headers.set("X-Other", "not an attribute");
		assertThat(this.binding.fromHttp(headers, new byte[0]).extensions()).hasSize(2);
		headers.set("ce-schemaurl", "https://example.com/schema");
		assertThatExceptionOfType(EventLimitExceededException.class)
			.isThrownBy(() -> this.binding.fromHttp(headers, new byte[0]));
	}

	@Test
	void structuredModeAndBatchesUseTheLimitsOfTheFormat() {
		CloudEventHttpMessage batch = this.binding.toBatch(List.of(event(), event(), event()));
		assertThatExceptionOfType(EventLimitExceededException.class)
			.isThrownBy(() -> this.binding.fromHttpBatch(batch.headers(), batch.body()))
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(Limit.BATCH_SIZE));
		CloudEventHttpMessage structured = this.binding
			.toStructured(event().mutate().extension("a", 1).extension("b", 2).extension("c", 3).build());
		assertThatExceptionOfType(EventLimitExceededException.class)
			.isThrownBy(() -> this.binding.fromHttp(structured.headers(), structured.body()))
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(Limit.EXTENSIONS));
	}

	@Test
	void theFacadeAppliesTheDefaultLimits() {
		assertThatExceptionOfType(EventLimitExceededException.class)
			.isThrownBy(
					() -> CloudEventHttp.fromHttp(binaryHeaders(EventLimits.DEFAULT_MAX_EXTENSIONS + 1), new byte[0]))
			.withMessageContaining("more than 64");
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(JsonEventFormat.BATCH_MEDIA_TYPE);
		String events = ("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"},").repeat(1001);
		byte[] body = ("[" + events.substring(0, events.length() - 1) + "]").getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(EventLimitExceededException.class)
			.isThrownBy(() -> CloudEventHttp.fromHttpBatch(headers, body))
			.withMessageContaining("more than 1000 events");
	}

	private static CloudEvent event() {
		return CloudEvent.builder().id("1").source("/s").type("t").build();
	}

	private static HttpHeaders binaryHeaders(int extensions) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ce-specversion", "1.0");
		headers.set("ce-id", "1");
		headers.set("ce-source", "/s");
		headers.set("ce-type", "t");
		for (int i = 0; i < extensions; i++) {
			headers.set("ce-ext" + i, "v");
		}
		return headers;
	}

}
