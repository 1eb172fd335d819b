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
 * writes it back to bytes in {@code toBytes()}, which is part of what is measured. Each
 * operation reads the next of {@link #distinct} documents.
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

	/**
	 * How many distinct events the operations cycle through: 1, or
	 * {@link Inputs#ROTATION}.
	 */
	@Param({ "1", "1024" })
	public int distinct;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	byte[][] documents;

	private int next;

	@Setup
	public void setUp() {
		this.documents = Inputs.structuredDocuments(this.distinct, Inputs.data(this.size));
	}

	private byte[] nextDocument() {
		return this.documents[this.next++ & (this.distinct - 1)];
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		CloudEvent event = this.ours.deserialize(nextDocument());
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	/**
	 * Ours, and every attribute read as its Java type, as a consumer that looks at all of
	 * them does: {@code source} and {@code time} become a {@code URI} and an
	 * {@code OffsetDateTime} when they are first asked for.
	 * @param blackhole where the event goes
	 */
	@Benchmark
	public void cloudEventsSpringTyped(Blackhole blackhole) {
		CloudEvent event = this.ours.deserialize(nextDocument());
		blackhole.consume(event.source());
		blackhole.consume(event.time());
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = this.reference.deserialize(nextDocument());
		blackhole.consume(event);
		blackhole.consume(event.getData().toBytes());
	}

	/**
	 * The reference SDK without {@code toBytes()}: what a consumer pays who only wants
	 * the {@code JsonNode} tree.
	 * @param blackhole where the event goes
	 */
	@Benchmark
	public void referenceSdkTreeOnly(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = this.reference.deserialize(nextDocument());
		blackhole.consume(event);
		blackhole.consume(event.getData());
	}

	@Benchmark
	public void jacksonTokenLoop(Blackhole blackhole) {
		TokenLoop.consume(nextDocument(), blackhole);
	}

}
