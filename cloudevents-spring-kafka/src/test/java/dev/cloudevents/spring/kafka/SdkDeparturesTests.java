package dev.cloudevents.spring.kafka;

import java.nio.charset.StandardCharsets;

import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where the reference Java SDK's Kafka deserializer (4.0.1) departs from the Kafka
 * binding, each next to what this binding does with the same record.
 */
class SdkDeparturesTests {

	private static final byte[] JSON_EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}"
		.getBytes(StandardCharsets.UTF_8);

	private final CloudEventKafkaBinding binding = new CloudEventKafkaBinding();

	private static RecordHeaders required() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_id", "1".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_source", "/s".getBytes(StandardCharsets.UTF_8));
		headers.add("ce_type", "t".getBytes(StandardCharsets.UTF_8));
		return headers;
	}

	private static io.cloudevents.CloudEvent sdkRead(RecordHeaders headers, byte[] value) {
		try (io.cloudevents.kafka.CloudEventDeserializer deserializer = new io.cloudevents.kafka.CloudEventDeserializer()) {
			return deserializer.deserialize("topic", headers, value);
		}
	}

	@Test
	void theSdkMatchesTheStructuredContentTypeCaseSensitively() {
		RecordHeaders headers = new RecordHeaders();
		headers.add("content-type", "Application/CloudEvents+JSON".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(CloudEventRWException.class).isThrownBy(() -> sdkRead(headers, JSON_EVENT))
			.withMessageContaining("Unknown encoding");
		assertThat(this.binding.read(headers, JSON_EVENT).id()).isEqualTo("1");
	}

	@Test
	void theSdkReplacesHeaderBytesThatAreNotUtf8() {
		RecordHeaders headers = required();
		headers.add("ce_subject", new byte[] { 'a', (byte) 0xFF });
		assertThat(sdkRead(headers, null).getSubject()).isEqualTo("a\uFFFD");
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null))
			.withMessageContaining("not valid UTF-8");
	}

	@Test
	void theSdkTakesTheLastOfDifferingCopiesOfAHeader() {
		RecordHeaders headers = required();
		headers.add("ce_id", "2".getBytes(StandardCharsets.UTF_8));
		assertThat(sdkRead(headers, null).getId()).isEqualTo("2");
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null))
			.withMessageContaining("appears more than once with different values");
	}

	@Test
	void theSdkLowerCasesAnExtensionHeaderNameThatIsNoValidAttributeName() {
		RecordHeaders headers = required();
		headers.add("ce_Foo", "x".getBytes(StandardCharsets.UTF_8));
		assertThat(sdkRead(headers, null).getExtension("foo")).isEqualTo("x");
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.binding.read(headers, null));
	}

	@Test
	void theSdkTakesDataContentTypeFromACeHeader() {
		RecordHeaders headers = required();
		headers.add("ce_datacontenttype", "text/plain".getBytes(StandardCharsets.UTF_8));
		assertThat(sdkRead(headers, new byte[] { 'x' }).getDataContentType()).isEqualTo("text/plain");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.binding.read(headers, new byte[] { 'x' }))
			.withMessageContaining("'ce_datacontenttype' must not be present");
	}

	@Test
	void theSdkDropsEmptyData() {
		RecordHeaders headers = required();
		assertThat(sdkRead(headers, new byte[0]).getData()).isNull();
		CloudEvent event = this.binding.read(headers, new byte[0]);
		assertThat(event.data()).isEmpty();
	}

}
