package dev.cloudevents.spring.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.CloudEventArbitraries;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random events, and random records, through real records of the shared broker. The
 * counts are small: every try is a round trip through the broker.
 */
class KafkaBindingPropertyTests {

	private static RecordTrips trips;

	private final JsonEventFormat format = new JsonEventFormat();

	private final CloudEventKafkaBinding binding = new CloudEventKafkaBinding(this.format);

	@BeforeContainer
	static void start() {
		trips = new RecordTrips();
	}

	@AfterContainer
	static void stop() {
		trips.close();
	}

	@Property(tries = 60)
	void everyValidEventSurvivesBinaryMode(@ForAll("events") CloudEvent event) {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = this.binding.write(event, ContentMode.BINARY, headers);
		ConsumerRecord<byte[], byte[]> record = trips.trip(headers, value);
		assertThat(this.binding.read(record.headers(), record.value())).isEqualTo(expectedAfterBinaryMode(event));
	}

	@Property(tries = 60)
	void everyValidEventSurvivesStructuredModeAsTheJsonFormatWritesIt(@ForAll("events") CloudEvent event) {
		RecordHeaders headers = new RecordHeaders();
		byte[] value = this.binding.write(event, ContentMode.STRUCTURED, headers);
		ConsumerRecord<byte[], byte[]> record = trips.trip(headers, value);
		assertThat(this.binding.read(record.headers(), record.value()))
			.isEqualTo(this.format.deserialize(this.format.serialize(event)));
	}

	/**
	 * Random headers and values either read as an event or fail with an
	 * {@link InvalidCloudEventException}; an accepted binary-mode record had only UTF-8
	 * {@code ce_} headers, no differing copies, and gives its attributes back.
	 */
	@Property(tries = 200)
	void aRandomRecordIsAnEventOrOurException(@ForAll("records") RandomRecord random) {
		ConsumerRecord<byte[], byte[]> record = trips.trip(random.headers(), random.value());
		CloudEvent event;
		try {
			event = this.binding.read(record.headers(), record.value());
		}
		catch (InvalidCloudEventException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			Statistics.collect("rejected");
			return;
		}
		catch (RuntimeException ex) {
			throw new AssertionError("Not our exception for " + random, ex);
		}
		if (this.binding.isCloudEvent(record.headers()) && record.headers().lastHeader("ce_specversion") != null
				&& event.specVersion() != null && !isStructured(record)) {
			for (Header header : record.headers()) {
				if (header.key().startsWith("ce_")) {
					assertThat(isUtf8(header.value())).as(header.key()).isTrue();
					for (Header copy : record.headers().headers(header.key())) {
						assertThat(copy.value()).as(header.key()).isEqualTo(header.value());
					}
				}
			}
			assertThat(event.id().getBytes(StandardCharsets.UTF_8))
				.isEqualTo(record.headers().lastHeader("ce_id").value());
			assertThat(event.data()).isEqualTo(record.value());
		}
		Statistics.collect(isStructured(record) ? "accepted structured" : "accepted binary");
		RecordHeaders again = new RecordHeaders();
		byte[] value = this.binding.write(event, ContentMode.BINARY, again);
		assertThat(this.binding.read(again, value)).isEqualTo(expectedAfterBinaryMode(event));
	}

	private static boolean isStructured(ConsumerRecord<byte[], byte[]> record) {
		Header contentType = record.headers().lastHeader("content-type");
		return contentType != null && new String(contentType.value(), StandardCharsets.ISO_8859_1).strip()
			.regionMatches(true, 0, "application/cloudevents", 0, 23);
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * What binary mode gives back: headers carry every extension as its canonical string,
	 * and the value is the data itself (so 0.3's {@code datacontentencoding} has nothing
	 * to say).
	 */
	private static CloudEvent expectedAfterBinaryMode(CloudEvent event) {
		CloudEvent.Builder expected = event.mutate().dataContentEncoding(null);
		event.extensions().keySet().forEach((name) -> expected.extension(name, event.attributeAsString(name)));
		return expected.build();
	}

	@Provide
	Arbitrary<CloudEvent> events() {
		return CloudEventArbitraries.events();
	}

	record RandomRecord(List<Header> headerList, byte @Nullable [] value) {

		RecordHeaders headers() {
			return new RecordHeaders(this.headerList.toArray(Header[]::new));
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder("headers=");
			this.headerList.forEach((header) -> text.append(header.key())
				.append('=')
				.append((header.value() != null) ? new String(header.value(), StandardCharsets.ISO_8859_1) : null)
				.append(' '));
			return text.append("value=").append((this.value != null) ? this.value.length + " bytes" : null).toString();
		}

	}

	@Provide
	Arbitrary<RandomRecord> records() {
		Arbitrary<String> names = Arbitraries.oneOf(
				Arbitraries.of("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject",
						"ce_dataschema", "ce_schemaurl", "ce_datacontentencoding", "ce_datacontenttype",
						"ce_partitionkey", "content-type", "ce_", "CE_ID", "ce_Ext", "traceparent"),
				Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8));
		Arbitrary<byte[]> values = Arbitraries.oneOf(
				Arbitraries
					.of("1.0", "0.3", "2.0", "1", "/s", "https://example.com/a b", "2018-04-05T03:56:24Z", "not-a-time",
							"application/cloudevents+json", "Application/CloudEvents+JSON; charset=utf-8",
							"application/cloudevents+avro", "application/cloudevents-batch+json", "text/plain", "\"a/b",
							"base64", "")
					.map((text) -> text.getBytes(StandardCharsets.UTF_8)),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(12), Arbitraries.just((byte[]) null));
		Arbitrary<Header> headers = Combinators.combine(names, values).as(RecordHeader::new);
		Arbitrary<byte[]> recordValues = Arbitraries.oneOf(Arbitraries.just((byte[]) null),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(32),
				CloudEventArbitraries.events().map(this.format::serialize),
				Arbitraries.of("{\"specversion\":\"1.0\",\"id\":\"1\"}", "[]", "{", "null")
					.map((text) -> text.getBytes(StandardCharsets.UTF_8)));
		Arbitrary<List<Header>> required = Arbitraries.of(true, false)
			.map((withRequired) -> withRequired ? List.<Header>of(header("ce_specversion", "1.0"), header("ce_id", "1"),
					header("ce_source", "/s"), header("ce_type", "t")) : List.<Header>of());
		return Combinators.combine(required, headers.list().ofMaxSize(6), recordValues).as((base, extra, value) -> {
			List<Header> all = new java.util.ArrayList<>(base);
			all.addAll(extra);
			return new RandomRecord(all, value);
		});
	}

	private static Header header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
