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
import org.openjdk.jmh.annotations.Param;
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
 * walks the whole batch. With {@code distinct} 1, the events of the one batch differ in
 * {@code id} only; with {@code distinct} 1024, the operations cycle through
 * {@value #ROTATING_BATCHES} batches of events that all differ in {@code id},
 * {@code source}, {@code subject} and {@code time}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BatchDecode {

	static final int EVENTS = 100;

	static final int ROTATING_BATCHES = 16;

	/**
	 * 1: one batch; {@link Inputs#ROTATION}: {@value #ROTATING_BATCHES} batches, each
	 * event distinct.
	 */
	@Param({ "1", "1024" })
	public int distinct;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	byte[][][] events;

	byte[][] batches;

	private int next;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(EventSize.SMALL);
		int count = (this.distinct == 1) ? 1 : ROTATING_BATCHES;
		this.events = new byte[count][EVENTS][];
		this.batches = new byte[count][];
		for (int batch = 0; batch < count; batch++) {
			for (int i = 0; i < EVENTS; i++) {
				this.events[batch][i] = (this.distinct == 1) ? Inputs.structuredWithId(i, data)
						: Inputs.structured(batch * EVENTS + i, data);
			}
			this.batches[batch] = Inputs.batch(this.events[batch]);
		}
	}

	private int nextBatch() {
		return this.next++ & (this.batches.length - 1);
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		List<CloudEvent> events = this.ours.deserializeBatch(this.batches[nextBatch()]);
		for (CloudEvent event : events) {
			blackhole.consume(event);
			blackhole.consume(event.data());
		}
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		for (byte[] json : this.events[nextBatch()]) {
			io.cloudevents.CloudEvent event = this.reference.deserialize(json);
			blackhole.consume(event);
			blackhole.consume(event.getData().toBytes());
		}
	}

	@Benchmark
	public void jacksonTokenLoop(Blackhole blackhole) {
		TokenLoop.consume(this.batches[nextBatch()], blackhole);
	}

}
