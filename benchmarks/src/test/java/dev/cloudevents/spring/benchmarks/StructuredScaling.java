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
 * How structured decode and encode scale with the size of the data, from 100 bytes to 4
 * MiB: {@code benchmarks/scaling.py} turns the results into MB/s of data. The operations
 * cycle through distinct events ({@link Inputs#ROTATION} of them, fewer for large data so
 * that all fit in 64 MiB), built and measured as in {@link StructuredDecode} and
 * {@link StructuredEncode}, with shorter runs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
public class StructuredScaling {

	private static final int MAX_BYTES = 64 * 1024 * 1024;

	/** Bytes of JSON data per event. */
	@Param({ "100", "1024", "4096", "16384", "65536", "262144", "1048576", "4194304" })
	public int dataBytes;

	private final JsonEventFormat ours = new JsonEventFormat();

	private final JsonFormat reference = new JsonFormat();

	byte[][] documents;

	CloudEvent[] ourEvents;

	io.cloudevents.CloudEvent[] referenceEvents;

	private int next;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(this.dataBytes);
		int count = Math.min(Inputs.ROTATION, Integer.highestOneBit(MAX_BYTES / this.dataBytes));
		this.documents = Inputs.structuredDocuments(count, data);
		this.ourEvents = new CloudEvent[count];
		this.referenceEvents = new io.cloudevents.CloudEvent[count];
		for (int i = 0; i < count; i++) {
			this.ourEvents[i] = Inputs.ours(i, data);
			this.referenceEvents[i] = Inputs.reference(i, data);
		}
	}

	private int nextEvent() {
		return this.next++ & (this.documents.length - 1);
	}

	@Benchmark
	public void decodeCloudEventsSpring(Blackhole blackhole) {
		CloudEvent event = this.ours.deserialize(this.documents[nextEvent()]);
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	@Benchmark
	public void decodeReferenceSdk(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = this.reference.deserialize(this.documents[nextEvent()]);
		blackhole.consume(event);
		blackhole.consume(event.getData().toBytes());
	}

	@Benchmark
	public byte[] encodeCloudEventsSpring() {
		return this.ours.serialize(this.ourEvents[nextEvent()]);
	}

	@Benchmark
	public byte[] encodeReferenceSdk() {
		return this.reference.serialize(this.referenceEvents[nextEvent()]);
	}

}
