package dev.cloudevents.spring.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cloudevents.jackson.JsonFormat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * Read a batch of {@value #EVENTS} small events. The reference SDK has no batch format,
 * so it decodes the same {@value #EVENTS} event documents one by one; the token loop
 * walks the whole batch.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BatchDecode {

	static final int EVENTS = 100;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	private byte[][] events;

	private byte[] batch;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(EventSize.SMALL);
		this.events = new byte[EVENTS][];
		for (int i = 0; i < EVENTS; i++) {
			this.events[i] = Inputs.structured(i, data);
		}
		this.batch = Inputs.batch(this.events);
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		List<CloudEvent> events = this.ours.deserializeBatch(this.batch);
		for (CloudEvent event : events) {
			blackhole.consume(event);
			blackhole.consume(event.data());
		}
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		for (byte[] json : this.events) {
			io.cloudevents.CloudEvent event = this.reference.deserialize(json);
			blackhole.consume(event);
			blackhole.consume(event.getData().toBytes());
		}
	}

	@Benchmark
	public void jacksonTokenLoop(Blackhole blackhole) {
		TokenLoop.consume(this.batch, blackhole);
	}

}
