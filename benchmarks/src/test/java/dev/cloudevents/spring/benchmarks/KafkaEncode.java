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
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.CloudEventSerializer;

/**
 * Write one event as a Kafka record value and headers, with each library's
 * {@code Serializer}, into new headers each time as a producer does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class KafkaEncode {

	@Param
	public EventSize size;

	@Param
	public ContentMode mode;

	private CloudEventSerializer serializer;

	private io.cloudevents.kafka.CloudEventSerializer referenceSerializer;

	private CloudEvent event;

	private io.cloudevents.CloudEvent referenceEvent;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(this.size);
		this.event = Inputs.ours(0, data);
		this.referenceEvent = Inputs.reference(0, data);
		this.serializer = new CloudEventSerializer(new CloudEventKafkaBinding(), this.mode);
		this.referenceSerializer = new io.cloudevents.kafka.CloudEventSerializer();
		this.referenceSerializer.configure(Map.of(io.cloudevents.kafka.CloudEventSerializer.ENCODING_CONFIG,
				(this.mode == ContentMode.BINARY) ? Encoding.BINARY : Encoding.STRUCTURED,
				io.cloudevents.kafka.CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		RecordHeaders headers = new RecordHeaders();
		blackhole.consume(this.serializer.serialize("orders", headers, this.event));
		blackhole.consume(headers);
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		RecordHeaders headers = new RecordHeaders();
		blackhole.consume(this.referenceSerializer.serialize("orders", headers, this.referenceEvent));
		blackhole.consume(headers);
	}

}
