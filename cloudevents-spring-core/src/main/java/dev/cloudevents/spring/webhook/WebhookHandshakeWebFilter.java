package dev.cloudevents.spring.webhook;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Applies a {@link WebhookHandshake} to the WebFlux handler methods that
 * {@linkplain CloudEventEndpoints receive CloudEvents}. An {@code OPTIONS} request with a
 * {@value WebhookHandshake#REQUEST_ORIGIN} header to a path where a {@code POST} reaches
 * such a method gets the consent headers of an allowed origin, and WebFlux answers it as
 * usual, with 200 and an {@code Allow} header listing {@code POST}. A delivery to such a
 * method whose {@value WebhookHandshake#REQUEST_ORIGIN} is not allowed is refused with a
 * {@link CloudEventRequestException} (403), which
 * {@link dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler} answers;
 * deliveries without the header are not webhook deliveries and pass. Requests without the
 * header cost nothing. Functional endpoints are not covered: nothing tells whether they
 * read events.
 * <p>
 * Register it as a bean: WebFlux picks up {@link WebFilter} beans.
 *
 * @since 0.1.0
 */
public class WebhookHandshakeWebFilter implements WebFilter {

	private final WebhookHandshake handshake;

	private final Supplier<RequestMappingHandlerMapping> handlerMapping;

	/**
	 * Create a filter.
	 * @param handshake the policy
	 * @param handlerMapping the mapping of the annotated controllers, asked where a
	 * {@code POST} would go
	 */
	public WebhookHandshakeWebFilter(WebhookHandshake handshake,
			Supplier<RequestMappingHandlerMapping> handlerMapping) {
		this.handshake = handshake;
		this.handlerMapping = handlerMapping;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String origin = exchange.getRequest().getHeaders().getFirst(WebhookHandshake.REQUEST_ORIGIN);
		if (origin == null) {
			return chain.filter(exchange);
		}
		HttpMethod method = exchange.getRequest().getMethod();
		if (method == HttpMethod.OPTIONS) {
			ServerWebExchange post = exchange.mutate().request((request) -> request.method(HttpMethod.POST)).build();
			return receivesEvents(post).flatMap((receives) -> {
				if (receives) {
					exchange.getResponse().getHeaders().addAll(this.handshake.consent(origin));
				}
				return chain.filter(exchange);
			});
		}
		if (!this.handshake.allows(origin)) {
			return receivesEvents(exchange).flatMap((receives) -> receives
					? Mono.error(CloudEventRequestException.originNotAllowed(origin)) : chain.filter(exchange));
		}
		return chain.filter(exchange);
	}

	private Mono<Boolean> receivesEvents(ServerWebExchange exchange) {
		return this.handlerMapping.get()
			.getHandler(exchange)
			.map((handler) -> handler instanceof HandlerMethod handlerMethod
					&& CloudEventEndpoints.receivesEvents(handlerMethod))
			// methods routed by event type are there, for events that a POST without a
			// body does not carry
			.onErrorResume(CloudEventRequestException.class, (ex) -> Mono.just(true))
			// a POST without a body would not reach the handler (415, for example)
			.onErrorReturn(false)
			.defaultIfEmpty(false);
	}

}
