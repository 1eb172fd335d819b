package dev.cloudevents.spring.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.cloudevents.http.HttpMessageFactory;
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
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

/**
 * Write one event in binary content mode. Ours returns an {@link CloudEventHttpMessage};
 * the reference SDK's writer puts each header into a map and hands over the body, which
 * is kept as it is (no copy into a stream, to charge it nothing we do not). Each
 * operation writes the next of {@link #distinct} events, built with each library's
 * builder as {@link StructuredEncode} builds them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BinaryEncode {

	@Param
	public EventSize size;

	/**
	 * How many distinct events the operations cycle through: 1, or
	 * {@link Inputs#ROTATION}.
	 */
	@Param({ "1", "1024" })
	public int distinct;

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding();

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
	public CloudEventHttpMessage cloudEventsSpring() {
		return this.binding.toBinary(this.ourEvents[nextEvent()]);
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		Map<String, String> headers = new HashMap<>();
		HttpMessageFactory.createWriter(headers::put, blackhole::consume)
			.writeBinary(this.referenceEvents[nextEvent()]);
		blackhole.consume(headers);
	}

}
