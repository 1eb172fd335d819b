package dev.cloudevents.spring.test;

import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.mock.http.client.reactive.MockClientHttpRequest;
import org.springframework.mock.http.client.reactive.MockClientHttpResponse;

/**
 * Delivers the requests of a {@code WebClient} to a {@link MockCloudEventTarget}.
 */
final class TargetConnector implements ClientHttpConnector {

	private static final byte[] EMPTY = new byte[0];

	private final MockCloudEventTarget target;

	TargetConnector(MockCloudEventTarget target) {
		this.target = target;
	}

	@Override
	public Mono<ClientHttpResponse> connect(HttpMethod method, URI uri,
			Function<? super ClientHttpRequest, Mono<Void>> requestCallback) {
		MockClientHttpRequest request = new MockClientHttpRequest(method, uri);
		AtomicReference<byte[]> body = new AtomicReference<>(EMPTY);
		request.setWriteHandler(
				(buffers) -> DataBufferUtils.join(buffers).map(TargetConnector::bytes).doOnNext(body::set).then());
		return requestCallback.apply(request)
			.then(Mono.fromSupplier(() -> respond(this.target.handle(uri, request.getHeaders(), body.get()))));
	}

	private static byte[] bytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

	private static ClientHttpResponse respond(MockCloudEventTarget.Answer answer) {
		MockClientHttpResponse response = new MockClientHttpResponse(answer.status());
		response.getHeaders().putAll(answer.headers());
		response.setBody(Mono.just(DefaultDataBufferFactory.sharedInstance.wrap(answer.body())));
		return response;
	}

}
