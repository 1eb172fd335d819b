package dev.cloudevents.spring.workaround;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Refuses a request whose {@code Accept} the running Spring Framework fails to parse
 * (7.0.8 fails on a value that starts with a quote, spring-framework#36971) with a
 * {@link CloudEventRequestException} (400), which
 * {@link dev.cloudevents.spring.webflux.CloudEventWebExceptionHandler} answers, before
 * WebFlux answers it with 500. Such a {@code Content-Type} never gets this far: Reactor
 * Netty's request adapter fails on it first and closes the connection. Needed only on a
 * Framework with the defect, 7.0.8 (the starter registers it only there).
 *
 * @since 0.1.0
 */
public class UnparseableMediaTypeWebFilter implements WebFilter, Ordered {

	/** Early, so that no other filter reads the header first. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getRequest().getHeaders();
		CloudEventRequestException problem = UnparseableMediaTypes.check(headers.getFirst(HttpHeaders.CONTENT_TYPE),
				headers.get(HttpHeaders.ACCEPT));
		return (problem != null) ? Mono.error(problem) : chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
