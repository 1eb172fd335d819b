package dev.cloudevents.spring.benchmarks;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerAdapter;

import dev.cloudevents.spring.benchmarks.e2e.webflux.WebFluxReceiverApplication;
import dev.cloudevents.spring.webflux.CloudEventMethodArgumentResolver;

/**
 * One request through a WebFlux application's whole handling, without a network: the
 * {@code HttpHandler} of the end-to-end receiver (its filters, handler mapping, argument
 * resolution, handler and response status) with a mock request, in the thread that sends
 * it. What {@code e2e.sh} measures minus the server and the client, so that a change of a
 * microsecond shows through wrk's noise.
 * <p>
 * {@link ResolverOrder#FIRST} measures what WebFlux's argument resolution costs a
 * parameter that a custom resolver takes: it moves
 * {@link CloudEventMethodArgumentResolver} in front of Spring's built-in resolvers by
 * reflection into Spring's internals (7.0), which no public API can do. An experiment
 * only, to show the cost; the starter never does it.
 * <p>
 * Ten warm-up iterations: the compiler takes 15 to 20 s to settle on the whole path of a
 * request, each case being a fork of its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class WebFluxDispatch {

	/** The receiver's endpoints, each with its request. */
	public enum Endpoint {

		/** {@code @RequestBody byte[]}, the structured request: the floor. */
		BYTES,

		/** {@code CloudEvent}, binary mode. */
		BINARY,

		/** {@code CloudEvent}, structured mode. */
		STRUCTURED,

		/** Five {@code @CloudEventMapping} methods on one path, structured mode. */
		ROUTED,

		/** {@code @RequestBody CloudEvent}, structured mode. */
		REQUEST_BODY

	}

	/** Where the CloudEvent argument resolver is among the application's resolvers. */
	public enum ResolverOrder {

		/**
		 * After Spring's built-in ones, where {@code ArgumentResolverConfigurer} puts it.
		 */
		SPRING,

		/** First, by reflection: the experiment. */
		FIRST

	}

	@Param
	public Endpoint endpoint;

	@Param
	public ResolverOrder resolverOrder;

	private ConfigurableApplicationContext context;

	private HttpHandler handler;

	private String path;

	private byte[] data;

	private byte[] structured;

	@Setup
	public void setUp() throws ReflectiveOperationException {
		this.context = new SpringApplicationBuilder(WebFluxReceiverApplication.class).web(WebApplicationType.REACTIVE)
			.properties("server.port=0", "server.address=127.0.0.1", "logging.level.root=warn",
					"spring.main.banner-mode=off")
			.run();
		this.handler = this.context.getBean(HttpHandler.class);
		if (this.resolverOrder == ResolverOrder.FIRST) {
			moveCloudEventResolverFirst(this.context.getBean(RequestMappingHandlerAdapter.class));
		}
		this.path = "/" + this.endpoint.name().toLowerCase().replace('_', '-');
		this.data = Inputs.data(EventSize.SMALL);
		this.structured = Inputs.structured(0, this.data);
		// fail here rather than measure errors
		HttpStatus status = handle();
		if (status != HttpStatus.ACCEPTED) {
			throw new IllegalStateException(this.path + " answered " + status);
		}
	}

	@TearDown
	public void tearDown() {
		this.context.close();
	}

	@Benchmark
	public HttpStatus dispatch() {
		return handle();
	}

	private HttpStatus handle() {
		MockServerHttpResponse response = new MockServerHttpResponse();
		this.handler.handle(request(), response).block();
		return HttpStatus.valueOf(response.getStatusCode().value());
	}

	private MockServerHttpRequest request() {
		MockServerHttpRequest.BodyBuilder request = MockServerHttpRequest.post(this.path);
		if (this.endpoint == Endpoint.BINARY) {
			return request.header("Content-Type", Inputs.CONTENT_TYPE)
				.header("ce-specversion", "1.0")
				.header("ce-id", Inputs.id(0))
				.header("ce-source", Inputs.source(0))
				.header("ce-type", Inputs.TYPE)
				.header("ce-subject", Inputs.subject(0))
				.header("ce-time", Inputs.time(0))
				.header("ce-traceparent", Inputs.TRACEPARENT)
				.body(new String(this.data, StandardCharsets.UTF_8));
		}
		return request.header("Content-Type", "application/cloudevents+json")
			.body(new String(this.structured, StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static void moveCloudEventResolverFirst(RequestMappingHandlerAdapter adapter)
			throws ReflectiveOperationException {
		Object methodResolver = field(adapter.getClass(), "methodResolver").get(adapter);
		Field resolversField = field(methodResolver.getClass(), "requestMappingResolvers");
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(
				(List<HandlerMethodArgumentResolver>) resolversField.get(methodResolver));
		HandlerMethodArgumentResolver ours = resolvers.stream()
			.filter(CloudEventMethodArgumentResolver.class::isInstance)
			.findFirst()
			.orElseThrow();
		resolvers.remove(ours);
		resolvers.add(0, ours);
		resolversField.set(methodResolver, resolvers);
	}

	private static Field field(Class<?> type, String name) throws NoSuchFieldException {
		Field field = type.getDeclaredField(name);
		field.setAccessible(true);
		return field;
	}

}
