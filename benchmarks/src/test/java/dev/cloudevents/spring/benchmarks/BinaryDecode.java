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
 * {@code Map<String, String>}), built once; each operation reads the next of
 * {@link #distinct} events. The token loop walks the body only.
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

	/**
	 * How many distinct events the operations cycle through: 1, or
	 * {@link Inputs#ROTATION}.
	 */
	@Param({ "1", "1024" })
	public int distinct;

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	HttpHeaders[] headers;

	Map<String, String>[] referenceHeaders;

	byte[] body;

	private int next;

	@Setup
	@SuppressWarnings("unchecked")
	public void setUp() {
		this.headers = new HttpHeaders[this.distinct];
		this.referenceHeaders = new Map[this.distinct];
		for (int i = 0; i < this.distinct; i++) {
			this.headers[i] = Inputs.binaryHttpHeaders(i);
			this.referenceHeaders[i] = Inputs.binaryHeaders(i);
		}
		this.body = Inputs.data(this.size);
	}

	private int nextEvent() {
		return this.next++ & (this.distinct - 1);
	}

	@Benchmark
	public void cloudEventsSpring(Blackhole blackhole) {
		CloudEvent event = this.binding.fromHttp(this.headers[nextEvent()], this.body);
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
		CloudEvent event = this.binding.fromHttp(this.headers[nextEvent()], this.body);
		blackhole.consume(event.source());
		blackhole.consume(event.time());
		blackhole.consume(event);
		blackhole.consume(event.data());
	}

	@Benchmark
	public void referenceSdk(Blackhole blackhole) {
		io.cloudevents.CloudEvent event = HttpMessageFactory.createReader(this.referenceHeaders[nextEvent()], this.body)
			.toEvent();
		blackhole.consume(event);
		blackhole.consume(event.getData().toBytes());
	}

	@Benchmark
	public void jacksonTokenLoop(Blackhole blackhole) {
		TokenLoop.consume(this.body, blackhole);
	}

}
