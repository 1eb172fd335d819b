package dev.cloudevents.spring.webflux;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.web.CloudEventRequestException;
import dev.cloudevents.spring.support.RejectedEventLog;

/**
 * Answers a {@link CloudEventRequestException} with its status (400, 413 or 415) and an
 * {@code application/problem+json} body, for annotated controllers and functional
 * endpoints alike, whether or not the application has enabled WebFlux's problem details,
 * and logs it with {@link RejectedEventLog}. An application's own
 * {@code @ControllerAdvice} still takes over for annotated controllers, as it sees the
 * exception first. Other exceptions pass through.
 * <p>
 * Ordered at {@value #ORDER}, before Spring Boot's error handler (-1), which would render
 * a plain JSON error.
 *
 * @since 0.1.0
 */
public class CloudEventWebExceptionHandler implements WebExceptionHandler, Ordered {

	/** The order of this handler. */
	public static final int ORDER = -2;

	private static final ResolvableType PROBLEM_TYPE = ResolvableType.forClass(ProblemDetail.class);

	private final List<HttpMessageWriter<?>> writers;

	private final RejectedEventLog rejections = new RejectedEventLog();

	/**
	 * Create a handler that writes problem details with one of the given writers.
	 * @param writers the application's message writers, with a JSON writer
	 */
	public CloudEventWebExceptionHandler(List<HttpMessageWriter<?>> writers) {
		this.writers = writers;
	}

	@Override
	@SuppressWarnings("unchecked")
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		CloudEventRequestException requestException = asCloudEventRequestException(exchange, ex);
		if (requestException == null || response.isCommitted()) {
			return Mono.error(ex);
		}
		this.rejections.rejected(requestException, exchange.getRequest().getMethod().name(),
				exchange.getRequest().getPath().value());
		ProblemDetail body = requestException.getBody();
		if (body.getInstance() == null) {
			body.setInstance(URI.create(exchange.getRequest().getPath().value()));
		}
		for (HttpMessageWriter<?> writer : this.writers) {
			if (writer.canWrite(PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON)) {
				response.setStatusCode(requestException.getStatusCode());
				response.getHeaders().putAll(requestException.getHeaders());
				return ((HttpMessageWriter<ProblemDetail>) writer).write(Mono.just(body), PROBLEM_TYPE,
						MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
			}
		}
		return Mono.error(ex);
	}

	/**
	 * A functional endpoint parses {@code Content-Type} before any reader sees the body,
	 * so a binary-mode event with a malformed one fails there: it is still a bad event.
	 */
	private static @Nullable CloudEventRequestException asCloudEventRequestException(ServerWebExchange exchange,
			Throwable ex) {
		if (ex instanceof CloudEventRequestException requestException) {
			return requestException;
		}
		if (ex instanceof InvalidMediaTypeException invalid
				&& exchange.getRequest().getHeaders().containsHeader(CloudEventHttpBinding.SPECVERSION_HEADER)) {
			return CloudEventRequestException.of(new InvalidCloudEventException(CloudEvent.DATACONTENTTYPE,
					"comes from a Content-Type that is not a media type: " + invalid.getMessage(), invalid));
		}
		return null;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
