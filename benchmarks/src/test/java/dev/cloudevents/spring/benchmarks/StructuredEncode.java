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
 * Write one event in the JSON event format. Each library gets events built with its
 * builder from the same attributes and the same JSON data bytes with content type
 * {@code application/json}, the way a producer that already holds serialized data builds
 * them; each operation writes the next of {@link #distinct} events.
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

	/**
	 * How many distinct events the operations cycle through: 1, or
	 * {@link Inputs#ROTATION}.
	 */
	@Param({ "1", "1024" })
	public int distinct;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	CloudEvent[] ourEvents;

	io.cloudevents.CloudEvent[] referenceEvents;

	private int next;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(this.size);
		this.ourEvents = new CloudEvent[this.distinct];
		this.referenceEvents = new io.cloudevents.CloudEvent[this.distinct];
		for (int i = 0; i < this.distinct; i++) {
			this.ourEvents[i] = Inputs.ours(i, data);
			this.referenceEvents[i] = Inputs.reference(i, data);
		}
	}

	private int nextEvent() {
		return this.next++ & (this.distinct - 1);
	}

	@Benchmark
	public byte[] cloudEventsSpring() {
		return this.ours.serialize(this.ourEvents[nextEvent()]);
	}

	@Benchmark
	public byte[] referenceSdk() {
		return this.reference.serialize(this.referenceEvents[nextEvent()]);
	}

}
