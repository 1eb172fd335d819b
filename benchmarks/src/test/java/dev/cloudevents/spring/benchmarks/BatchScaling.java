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
 * How batch decode scales with the number of events in the batch, from 1 to 1,000 small
 * events: {@code benchmarks/scaling.py} turns the results into events/s. The operations
 * cycle through batches of at least {@link Inputs#ROTATION} distinct events in all;
 * otherwise as {@link BatchDecode}, with shorter runs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class BatchScaling {

	/** Events per batch. */
	@Param({ "1", "10", "100", "1000" })
	public int events;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	byte[][][] documents;

	byte[][] batches;

	private int next;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(EventSize.SMALL);
		int count = 2;
		while (count * this.events < Inputs.ROTATION) {
			count *= 2;
		}
		this.documents = new byte[count][this.events][];
		this.batches = new byte[count][];
		for (int batch = 0; batch < count; batch++) {
			for (int i = 0; i < this.events; i++) {
				this.documents[batch][i] = Inputs.structured(batch * this.events + i, data);
			}
			this.batches[batch] = Inputs.batch(this.documents[batch]);
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
		for (byte[] json : this.documents[nextBatch()]) {
			io.cloudevents.CloudEvent event = this.reference.deserialize(json);
			blackhole.consume(event);
			blackhole.consume(event.getData().toBytes());
		}
	}

}
