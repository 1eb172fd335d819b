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
 * is kept as it is (no copy into a stream, to charge it nothing we do not).
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

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private CloudEvent ourEvent;

	private io.cloudevents.CloudEvent referenceEvent;

	@Setup
	public void setUp() {
		byte[] data = Inputs.data(this.size);
		this.ourEvent = Inputs.ours(data);
		this.referenceEvent = Inputs.reference(data);
	}

	@Benchmark
	public CloudEventHttpMessage cloudEventsSpring() {
		return this.binding.toBinary(this.ourEvent);
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		Map<String, String> headers = new HashMap<>();
		HttpMessageFactory.createWriter(headers::put, blackhole::consume).writeBinary(this.referenceEvent);
		blackhole.consume(headers);
	}

}
