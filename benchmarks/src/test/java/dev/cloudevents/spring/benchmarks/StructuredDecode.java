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
import org.openjdk.jmh.infra.Blackhole;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * Read one event in the JSON event format. Both decoders must end with the data bytes in
 * hand: ours keeps them as received, the reference SDK keeps a {@code JsonNode} tree and
 * writes it back to bytes in {@code toBytes()}, which is part of what is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class StructuredDecode {

	@Param
	public EventSize size;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	private byte[] json;

	@Setup
	public void setUp() {
		this.json = Inputs.structured(0, Inputs.data(this.size));
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		CloudEvent event = this.ours.deserialize(this.json);
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = this.reference.deserialize(this.json);
		blackhole.consume(event);
		blackhole.consume(event.getData().toBytes());
	}

	/**
	 * The reference SDK without {@code toBytes()}: what a consumer pays who only wants
	 * the {@code JsonNode} tree. Not the comparison, a bound on how much of the gap it
	 * is.
	 * @param blackhole where the event goes
	 */
	@Benchmark
	public void referenceSdkTreeOnly(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = this.reference.deserialize(this.json);
		blackhole.consume(event);
		blackhole.consume(event.getData());
	}

	@Benchmark
	public void jacksonTokenLoop(Blackhole blackhole) {
		TokenLoop.consume(this.json, blackhole);
	}

}
