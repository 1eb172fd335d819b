package dev.cloudevents.spring.test;

import java.io.ByteArrayInputStream;
import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.mock.http.client.MockClientHttpRequest;
import org.springframework.mock.http.client.MockClientHttpResponse;

/**
 * Delivers the requests of a {@code RestClient} to a {@link MockCloudEventTarget}, as its
 * request factory or, where the factory is the application's, as an interceptor that
 * never calls the network.
 */
final class TargetRequestFactory implements ClientHttpRequestFactory {

	private final MockCloudEventTarget target;

	TargetRequestFactory(MockCloudEventTarget target) {
		this.target = target;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) {
		return new MockClientHttpRequest(httpMethod, uri) {

			@Override
			protected ClientHttpResponse executeInternal() {
				return respond(TargetRequestFactory.this.target.handle(getURI(), getHeaders(), getBodyAsBytes()));
			}

		};
	}

	static ClientHttpRequestInterceptor interceptor(MockCloudEventTarget target) {
		return (request, body, execution) -> respond(target.handle(request.getURI(), request.getHeaders(), body));
	}

	private static ClientHttpResponse respond(MockCloudEventTarget.Answer answer) {
		MockClientHttpResponse response = new MockClientHttpResponse(new ByteArrayInputStream(answer.body()),
				answer.status());
		response.getHeaders().putAll(answer.headers());
		return response;
	}

}
