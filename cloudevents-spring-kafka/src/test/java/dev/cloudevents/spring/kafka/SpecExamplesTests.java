package dev.cloudevents.spring.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of the Kafka protocol binding (sections 3.2.5 and 3.3.4) as records on the
 * broker, read by the binding, and the same events written back.
 */
class SpecExamplesTests {

	private static final byte[] AVRO = { 0x02, 0x06, 'f', 'o', 'o', (byte) 0x80 };

	private static RecordTrips trips;

	private final CloudEventKafkaBinding binding = new CloudEventKafkaBinding();

	@BeforeAll
	static void start() {
		trips = new RecordTrips();
	}

	@AfterAll
	static void stop() {
		trips.close();
	}

	private static void add(RecordHeaders headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void theBinaryModeExampleIsReadAndWrittenBackAsTheSameRecord() {
		RecordHeaders headers = new RecordHeaders();
		add(headers, "ce_specversion", "1.0");
		add(headers, "ce_type", "com.example.someevent");
		add(headers, "ce_source", "/mycontext/subcontext");
		add(headers, "ce_id", "1234-1234-1234");
		add(headers, "ce_time", "2018-04-05T03:56:24Z");
		add(headers, "content-type", "application/avro");
		ConsumerRecord<byte[], byte[]> record = trips.trip(headers, AVRO);
		CloudEvent event = this.binding.read(record.headers(), record.value());
		assertThat(event.type()).isEqualTo("com.example.someevent");
		assertThat(event.source()).isEqualTo(URI.create("/mycontext/subcontext"));
		assertThat(event.id()).isEqualTo("1234-1234-1234");
		assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2018-04-05T03:56:24Z"));
		assertThat(event.dataContentType()).isEqualTo("application/avro");
		assertThat(event.data()).isEqualTo(AVRO);
		RecordHeaders written = new RecordHeaders();
		assertThat(this.binding.write(event, ContentMode.BINARY, written)).isEqualTo(AVRO);
		assertThat(written.toArray()).containsExactlyInAnyOrder(headers.toArray());
	}

	@Test
	void theStructuredModeExampleIsReadAndWrittenBackWithTheSameContentType() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext/subcontext",
				    "id" : "1234-1234-1234",
				    "time" : "2018-04-05T03:56:24Z",
				    "datacontenttype" : "application/xml",
				    "data" : "<much wow=\\"xml\\"/>"
				}
				""";
		RecordHeaders headers = new RecordHeaders();
		add(headers, "content-type", "application/cloudevents+json; charset=UTF-8");
		ConsumerRecord<byte[], byte[]> record = trips.trip(headers, json.getBytes(StandardCharsets.UTF_8));
		CloudEvent event = this.binding.read(record.headers(), record.value());
		assertThat(event.id()).isEqualTo("1234-1234-1234");
		assertThat(event.dataContentType()).isEqualTo("application/xml");
		assertThat(new JsonEventFormat().dataAs(event, String.class)).isEqualTo("<much wow=\"xml\"/>");
		RecordHeaders written = new RecordHeaders();
		byte[] value = this.binding.write(event, ContentMode.STRUCTURED, written);
		assertThat(written.toArray()).containsExactly(headers.toArray());
		assertThat(this.binding.read(written, value)).isEqualTo(event);
	}

}
