package dev.cloudevents.spring.benchmarks;

import java.util.concurrent.TimeUnit;

import io.cloudevents.jackson.JsonFormat;
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

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * Write one event in the JSON event format. Each library gets the same attributes and the
 * same JSON data bytes with content type {@code application/json}, the way a producer
 * that already holds serialized data builds an event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class StructuredEncode {

	@Param
	public EventSize size;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	private CloudEvent ourEvent;

	private io.cloudevents.CloudEvent referenceEvent;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(this.size);
		this.ourEvent = Inputs.ours(data);
		this.referenceEvent = Inputs.reference(data);
	}

	@Benchmark
	public byte[] cloudEventsSpring() {
		return this.ours.serialize(this.ourEvent);
	}

	@Benchmark
	public byte[] referenceSdk() {
		return this.reference.serialize(this.referenceEvent);
	}

}
