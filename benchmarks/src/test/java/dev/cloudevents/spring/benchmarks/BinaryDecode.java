package dev.cloudevents.spring.benchmarks;

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

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;

/**
 * Read one event in binary content mode: {@code ce-} headers and a JSON body. Each
 * library gets the headers in its own input type ({@link HttpHeaders}, a
 * {@code Map<String, String>}), built once; the token loop walks the body only.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class BinaryDecode {

	@Param
	public EventSize size;

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private HttpHeaders headers;

	private Map<String, String> referenceHeaders;

	private byte[] body;

	@Setup
	public void setUp() {
		this.headers = Inputs.binaryHttpHeaders();
		this.referenceHeaders = Inputs.binaryHeaders();
		this.body = Inputs.data(this.size);
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		CloudEvent event = this.binding.fromHttp(this.headers, this.body);
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = HttpMessageFactory.createReader(this.referenceHeaders, this.body).toEvent();
		blackhole.consume(event);
		blackhole.consume(event.getData().toBytes());
	}

	@Benchmark
	public void jacksonTokenLoop(Blackhole blackhole) {
		TokenLoop.consume(this.body, blackhole);
	}

}
