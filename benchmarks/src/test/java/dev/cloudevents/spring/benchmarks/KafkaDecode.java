package dev.cloudevents.spring.benchmarks;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.CloudEventDeserializer;

/**
 * Read one event from a Kafka record's headers and value with each library's
 * {@code Deserializer}. Both read the same record, written once by the reference SDK's
 * serializer; the event's data is touched as bytes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class KafkaDecode {

	@Param
	public EventSize size;

	@Param
	public ContentMode mode;

	private final CloudEventDeserializer deserializer = new CloudEventDeserializer();

	private final io.cloudevents.kafka.CloudEventDeserializer referenceDeserializer = new io.cloudevents.kafka.CloudEventDeserializer();

	private RecordHeaders headers;

	private byte[] value;

	@Setup
	public void setUp() {
		try (io.cloudevents.kafka.CloudEventSerializer serializer = new io.cloudevents.kafka.CloudEventSerializer()) {
			serializer.configure(
					Map.of(io.cloudevents.kafka.CloudEventSerializer.ENCODING_CONFIG,
							(this.mode == ContentMode.BINARY) ? Encoding.BINARY : Encoding.STRUCTURED,
							io.cloudevents.kafka.CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE),
					false);
			this.headers = new RecordHeaders();
			this.value = serializer.serialize("orders", this.headers, Inputs.reference(0, Inputs.data(this.size)));
		}
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		CloudEvent event = this.deserializer.deserialize("orders", this.headers, this.value);
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = this.referenceDeserializer.deserialize("orders", this.headers, this.value);
		blackhole.consume(event);
		blackhole.consume(event.getData().toBytes());
	}

}
