package dev.cloudevents.spring.webflux;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.condition.RequestCondition;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.support.CloudEventMappingInfo;
import dev.cloudevents.spring.support.EventRouting;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * A {@link RequestMappingHandlerMapping} that routes CloudEvents to handler methods by
 * {@link CloudEventMapping @CloudEventMapping}, in binary and structured content mode
 * alike. A request condition cannot wait for a body, so a request for a path with such
 * methods that carries an event has the event read first (once, with the
 * {@link CloudEventHttpMessageReader} and within its body limit); the conditions then
 * match it, WebFlux chooses the most specific method as it does for its own conditions,
 * and the chosen method receives that same event through
 * {@link CloudEventMethodArgumentResolver}. Where the methods on a path differ in their
 * event mapping alone, the mapping makes that choice itself and matches the chosen
 * method's other conditions only, rather than every condition of every method.
 * <p>
 * At start-up, two methods on one request mapping that could match one event equally fail
 * with an {@link IllegalStateException} naming both. An event on a path whose methods all
 * have {@code @CloudEventMapping} and none takes it is answered with a
 * {@link CloudEventRequestException}: 422 for an event of another type, 415 for a batch,
 * 400 for a request that carries no CloudEvent.
 * <p>
 * With Spring Boot, provide it through a {@code WebFluxRegistrations} bean (the starter
 * does); otherwise, override
 * {@code WebFluxConfigurationSupport.createRequestMappingHandlerMapping()}.
 *
 * @since 0.1.0
 */
public class CloudEventRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClass(CloudEvent.class);

	private static final String ROUTED_PATH_ATTRIBUTE = RoutedPath.class.getName();

	private final CloudEventHttpMessageReader reader;

	// each request is checked against them before the lookup
	private volatile List<RoutedPath> routedPaths = List.of();

	/**
	 * Create a mapping that reads routed events with the given reader.
	 * @param reader the reader, with the application's binding and body limit
	 */
	public CloudEventRequestMappingHandlerMapping(CloudEventHttpMessageReader reader) {
		this.reader = reader;
	}

	@Override
	protected @Nullable RequestCondition<?> getCustomMethodCondition(Method method) {
		CloudEventMappingInfo info = CloudEventMappingInfo.forMethod(method);
		return (info != null) ? new CloudEventMappingCondition(info) : null;
	}

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		EventRouting.assertUnambiguous(handlerMethods, CloudEventRequestMappingHandlerMapping::mappingOf,
				CloudEventRequestMappingHandlerMapping::otherConditions);
		this.routedPaths = routedPaths(handlerMethods);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.routedPaths = routedPaths(getHandlerMethods());
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.routedPaths = routedPaths(getHandlerMethods());
	}

	private static List<RoutedPath> routedPaths(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		return RoutedPath.of(handlerMethods, CloudEventRequestMappingHandlerMapping::mappingOf,
				CloudEventRequestMappingHandlerMapping::otherConditions);
	}

	private static @Nullable CloudEventMappingInfo mappingOf(RequestMappingInfo info) {
		return (info.getCustomCondition() instanceof CloudEventMappingCondition condition) ? condition.info() : null;
	}

	private static List<Object> otherConditions(RequestMappingInfo info) {
		return List.of(info.getMethodsCondition(), info.getPatternsCondition(), info.getParamsCondition(),
				info.getHeadersCondition(), info.getConsumesCondition(), info.getProducesCondition(),
				info.getVersionCondition());
	}

	@Override
	public Mono<HandlerMethod> getHandlerInternal(ServerWebExchange exchange) {
		RoutedPath routed = (exchange.getAttribute(CloudEventMethodArgumentResolver.ROUTED_EVENT_ATTRIBUTE) == null)
				? routedPathOf(exchange) : null;
		if (routed == null) {
			return super.getHandlerInternal(exchange);
		}
		CloudEventObservationWebFilter.readingEvents(exchange);
		return this.reader.readMono(EVENT_TYPE, exchange.getRequest(), Map.of()).flatMap((event) -> {
			exchange.getAttributes().put(CloudEventMethodArgumentResolver.ROUTED_EVENT_ATTRIBUTE, event);
			exchange.getAttributes().put(ROUTED_PATH_ATTRIBUTE, routed);
			CloudEventObservationWebFilter.eventsRead(exchange, event);
			return super.getHandlerInternal(exchange);
		});
	}

	/** The routed path of an exchange that carries one event to it, or {@code null}. */
	private @Nullable RoutedPath routedPathOf(ServerWebExchange exchange) {
		for (RoutedPath routed : this.routedPaths) {
			if (routed.isFor(exchange)) {
				return (this.reader.getBinding().contentMode(exchange.getRequest().getHeaders()) != null) ? routed
						: null;
			}
		}
		return null;
	}

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(ServerWebExchange exchange) throws Exception {
		RoutedPath routed = exchange.getAttribute(ROUTED_PATH_ATTRIBUTE);
		CloudEvent event = exchange.getAttribute(CloudEventMethodArgumentResolver.ROUTED_EVENT_ATTRIBUTE);
		RoutedPath.RoutedMethod chosen = (routed != null && event != null) ? routed.choose(event, exchange) : null;
		RequestMappingInfo match = (chosen != null) ? getMatchingMapping(chosen.info(), exchange) : null;
		if (chosen == null || match == null) {
			return super.lookupHandlerMethod(exchange);
		}
		handleMatch(match, chosen.handlerMethod(), exchange);
		return chosen.handlerMethod();
	}

	@Override
	protected @Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, ServerWebExchange exchange)
			throws Exception {
		Set<RequestMappingInfo> reported = EventRouting.noMatch(infos, (info) -> routedOnPath(info, exchange),
				(info) -> otherConditionsMatch(info, exchange),
				() -> exchange.getAttribute(CloudEventMethodArgumentResolver.ROUTED_EVENT_ATTRIBUTE),
				() -> this.reader.getBinding().isBatch(exchange.getRequest().getHeaders()));
		return super.handleNoMatch(reported, exchange);
	}

	private static @Nullable CloudEventMappingInfo routedOnPath(RequestMappingInfo info, ServerWebExchange exchange) {
		CloudEventMappingInfo mapping = mappingOf(info);
		return (mapping != null && RoutedPath.isOnPath(info, exchange)) ? mapping : null;
	}

	private static boolean otherConditionsMatch(RequestMappingInfo info, ServerWebExchange exchange) {
		return info.getParamsCondition().getMatchingCondition(exchange) != null
				&& info.getHeadersCondition().getMatchingCondition(exchange) != null
				&& info.getConsumesCondition().getMatchingCondition(exchange) != null
				&& info.getProducesCondition().getMatchingCondition(exchange) != null
				&& info.getVersionCondition().getMatchingCondition(exchange) != null;
	}

}
