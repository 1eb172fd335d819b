package dev.cloudevents.spring.webflux;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.support.CloudEventDataReader;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Resolves {@link CloudEvent}, {@code Mono<CloudEvent>}, {@code Flux<CloudEvent>} (the
 * events of a batch, or a single event), {@code List<CloudEvent>} and
 * {@link CloudEventData &#64;CloudEventData} parameters (the data as a type, or a
 * {@code Mono} of it) of WebFlux handler methods, without {@code @RequestBody}. The body
 * is read with a {@link CloudEventHttpMessageReader}, once per exchange however many
 * parameters refer to it.
 * <p>
 * An event that cannot be read raises a {@link CloudEventRequestException}, which
 * {@link CloudEventWebExceptionHandler} answers with a problem detail.
 *
 * @since 0.1.0
 */
public class CloudEventMethodArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String EVENT_ATTRIBUTE = CloudEventMethodArgumentResolver.class.getName() + ".event";

	private static final String EVENTS_ATTRIBUTE = CloudEventMethodArgumentResolver.class.getName() + ".events";

	// where routing by event type leaves the event it read
	static final String ROUTED_EVENT_ATTRIBUTE = CloudEventMethodArgumentResolver.class.getName() + ".routedEvent";

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClass(CloudEvent.class);

	private static final ResolvableType EVENTS_TYPE = ResolvableType.forClassWithGenerics(List.class, CloudEvent.class);

	private final CloudEventHttpMessageReader reader;

	private final CloudEventDataReader dataReader;

	/**
	 * Create a resolver that reads events with the given reader and binds data with the
	 * JSON mapper of its binding.
	 * @param reader the reader
	 */
	public CloudEventMethodArgumentResolver(CloudEventHttpMessageReader reader) {
		this.reader = reader;
		this.dataReader = new CloudEventDataReader(reader.getBinding().format());
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		if (CloudEventDataReader.isDataParameter(parameter)) {
			return true;
		}
		Class<?> type = parameter.getParameterType();
		if (type == CloudEvent.class) {
			return true;
		}
		Class<?> generic = ResolvableType.forMethodParameter(parameter).getGeneric().toClass();
		return (type == Mono.class || type == Flux.class || type == List.class) && generic == CloudEvent.class;
	}

	@Override
	public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		if (CloudEventDataReader.isDataParameter(parameter)) {
			if (parameter.getParameterType() == Mono.class) {
				return Mono
					.just(event(exchange).mapNotNull((event) -> data(event, parameter, bindingContext, exchange)));
			}
			return event(exchange).mapNotNull((event) -> data(event, parameter, bindingContext, exchange));
		}
		Class<?> type = parameter.getParameterType();
		if (type == CloudEvent.class) {
			return widen(event(exchange, parameter.getExecutable().getParameterCount() > 1));
		}
		if (type == Mono.class) {
			return Mono.just(event(exchange));
		}
		if (type == Flux.class) {
			return Mono.just(events(exchange).flatMapIterable(Function.identity()));
		}
		return widen(events(exchange));
	}

	@SuppressWarnings("unchecked")
	private static Mono<Object> widen(Mono<?> mono) {
		// a Mono only emits, so it is a Mono of any supertype; cast() would add an
		// operator
		return (Mono<Object>) mono;
	}

	private @Nullable Object data(CloudEvent event, MethodParameter parameter, BindingContext bindingContext,
			ServerWebExchange exchange) {
		MethodParameter target = (parameter.getParameterType() == Mono.class) ? parameter.nested() : parameter;
		Object data = this.dataReader.read(event, target);
		if (data != null && CloudEventDataReader.isValidated(parameter)) {
			CloudEventDataReader.validate(
					bindingContext.createDataBinder(exchange, data, Conventions.getVariableNameForParameter(target)),
					parameter);
		}
		return data;
	}

	private Mono<CloudEvent> event(ServerWebExchange exchange) {
		return event(exchange, true);
	}

	/**
	 * The event, read once for all parameters that refer to it if {@code shared}; the
	 * only parameter of a method reads it without the cached {@code Mono} that shares the
	 * read (about 2% of a request's time on Reactor Netty).
	 */
	private Mono<CloudEvent> event(ServerWebExchange exchange, boolean shared) {
		CloudEvent routed = exchange.getAttribute(ROUTED_EVENT_ATTRIBUTE);
		if (routed != null) {
			return Mono.just(routed);
		}
		return shared ? read(exchange, EVENT_TYPE, EVENT_ATTRIBUTE) : readObserved(exchange, EVENT_TYPE);
	}

	private Mono<List<CloudEvent>> events(ServerWebExchange exchange) {
		CloudEvent routed = exchange.getAttribute(ROUTED_EVENT_ATTRIBUTE);
		return (routed != null) ? Mono.just(List.of(routed)) : read(exchange, EVENTS_TYPE, EVENTS_ATTRIBUTE);
	}

	@SuppressWarnings("unchecked")
	private <T> Mono<T> read(ServerWebExchange exchange, ResolvableType type, String attribute) {
		return (Mono<T>) exchange.getAttributes()
			.computeIfAbsent(attribute, (name) -> readObserved(exchange, type).cache());
	}

	@SuppressWarnings("unchecked")
	private <T> Mono<T> readObserved(ServerWebExchange exchange, ResolvableType type) {
		CloudEventObservationWebFilter.readingEvents(exchange);
		Mono<T> read = (Mono<T>) this.reader.readMono(type, exchange.getRequest(), Map.of());
		return CloudEventObservationWebFilter.isObserved(exchange)
				? read.doOnNext((events) -> CloudEventObservationWebFilter.eventsRead(exchange, events)) : read;
	}

}
