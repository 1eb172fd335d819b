package dev.cloudevents.spring.test;

import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import org.springframework.web.reactive.function.client.ExchangeStrategies;

/**
 * Delivers the requests of a {@code WebClient} to a {@link MockCloudEventTarget} and
 * never calls the network: {@code WebClient.builder().filter(new
 * MockCloudEventTargetFilter(target))}. Register it after any filter that should see the
 * requests.
 */
// a filter rather than a connector: the client would wrap a connector's AssertionError
// into a request exception, which a template retries as a connection failure; a type of
// its own, so that the target loads without WebFlux
public final class MockCloudEventTargetFilter implements ExchangeFilterFunction {

	private static final byte[] EMPTY = new byte[0];

	private final MockCloudEventTarget target;

	/**
	 * Create a filter that delivers to the given target.
	 * @param target the target
	 */
	public MockCloudEventTargetFilter(MockCloudEventTarget target) {
		this.target = target;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		MockClientHttpRequest out = new MockClientHttpRequest(request.method(), request.url());
		AtomicReference<byte[]> body = new AtomicReference<>(EMPTY);
		out.setWriteHandler((buffers) -> DataBufferUtils.join(buffers)
			.map(MockCloudEventTargetFilter::bytes)
			.doOnNext(body::set)
			.then());
		return request.writeTo(out, ExchangeStrategies.withDefaults())
			.then(Mono.fromSupplier(() -> respond(this.target.handle(request.url(), out.getHeaders(), body.get()))));
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

	private static ClientResponse respond(MockCloudEventTarget.Answer answer) {
		return ClientResponse.create(answer.status())
			.headers((headers) -> headers.putAll(answer.headers()))
			.body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(answer.body())))
			.build();
	}

}
