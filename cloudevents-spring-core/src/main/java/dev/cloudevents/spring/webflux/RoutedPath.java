package dev.cloudevents.spring.webflux;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.condition.RequestMethodsRequestCondition;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.server.ServerWebExchange;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.support.CloudEventMappingInfo;
import dev.cloudevents.spring.support.CloudEventMappingInfo.Match;

/**
 * The {@code @CloudEventMapping} methods of one path and request method: whether an
 * exchange is for them, and, where only the event decides between them, which of them
 * takes an event.
 * <p>
 * Spring's lookup matches every condition of every mapping on a request's direct path and
 * sorts the matches. On a direct path whose mappings differ in their event mapping alone,
 * the most specific method that takes the event wins that sort as soon as its other
 * conditions hold, so choosing it costs one match instead of one per method.
 */
final class RoutedPath {

	private final RequestMappingInfo path;

	// the paths on which only the event decides; empty where others take part
	private final Set<String> directPaths;

	private final List<RoutedMethod> methods;

	private RoutedPath(RequestMappingInfo path, Set<String> directPaths, List<RoutedMethod> methods) {
		this.path = path;
		this.directPaths = directPaths;
		this.methods = methods;
	}

	/**
	 * The routed paths of the given handler methods, one for each distinct request
	 * methods and patterns.
	 * @param handlerMethods all handler methods by their mapping
	 * @param mappingOf the event mapping of a mapping, or {@code null}
	 * @param otherConditions every condition of a mapping but its event mapping
	 */
	static List<RoutedPath> of(Map<RequestMappingInfo, HandlerMethod> handlerMethods,
			Function<RequestMappingInfo, @Nullable CloudEventMappingInfo> mappingOf,
			Function<RequestMappingInfo, List<Object>> otherConditions) {
		Map<List<Object>, List<RoutedMethod>> byPath = new LinkedHashMap<>();
		handlerMethods.forEach((info, handlerMethod) -> {
			CloudEventMappingInfo mapping = mappingOf.apply(info);
			if (mapping != null) {
				byPath
					.computeIfAbsent(List.of(info.getMethodsCondition(), info.getPatternsCondition()),
							(key) -> new ArrayList<>())
					.add(new RoutedMethod(mapping, info, handlerMethod));
			}
		});
		List<RoutedPath> result = new ArrayList<>(byPath.size());
		for (List<RoutedMethod> methods : byPath.values()) {
			RequestMappingInfo path = methods.get(0).info();
			result.add(new RoutedPath(path, decidedByEvent(path, handlerMethods.keySet(), otherConditions),
					List.copyOf(methods)));
		}
		return List.copyOf(result);
	}

	/**
	 * The direct paths of a routed mapping on which every mapping that can match a
	 * request has its other conditions.
	 */
	private static Set<String> decidedByEvent(RequestMappingInfo path, Collection<RequestMappingInfo> infos,
			Function<RequestMappingInfo, List<Object>> otherConditions) {
		List<Object> conditions = otherConditions.apply(path);
		Set<String> result = new HashSet<>(path.getDirectPaths());
		for (RequestMappingInfo info : infos) {
			if (!otherConditions.apply(info).equals(conditions)
					&& !disjoint(info.getMethodsCondition(), path.getMethodsCondition())) {
				result.removeAll(info.getDirectPaths());
			}
		}
		return result.isEmpty() ? Set.of() : Collections.unmodifiableSet(result);
	}

	// no request matches both: neither takes all methods, and they name none in common
	private static boolean disjoint(RequestMethodsRequestCondition some, RequestMethodsRequestCondition others) {
		return !some.isEmpty() && !others.isEmpty() && Collections.disjoint(some.getMethods(), others.getMethods());
	}

	/** Whether the exchange is for this path and a request method of it. */
	boolean isFor(ServerWebExchange exchange) {
		return isOnPath(this.path, exchange);
	}

	/** Whether the exchange is for a path and a request method of a mapping. */
	static boolean isOnPath(RequestMappingInfo info, ServerWebExchange exchange) {
		return info.getMethodsCondition().getMatchingCondition(exchange) != null
				&& info.getPatternsCondition().getMatchingCondition(exchange) != null;
	}

	/**
	 * Choose the method for an event of this path's exchange, where only the event
	 * decides.
	 * @return the most specific method that takes the event, its other conditions still
	 * to be matched; {@code null} for Spring's lookup to decide
	 */
	@Nullable RoutedMethod choose(CloudEvent event, ServerWebExchange exchange) {
		if (!this.directPaths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return null;
		}
		RoutedMethod best = null;
		Match bestMatch = null;
		boolean tie = false;
		for (RoutedMethod method : this.methods) {
			Match match = method.mapping().match(event);
			if (match != null) {
				int order = (bestMatch != null) ? match.compareTo(bestMatch) : -1;
				if (order < 0) {
					best = method;
					bestMatch = match;
					tie = false;
				}
				else if (order == 0) {
					tie = true;
				}
			}
		}
		// Spring fails a tie with its own message
		return tie ? null : best;
	}

	/** A routed method with its mappings. */
	record RoutedMethod(CloudEventMappingInfo mapping, RequestMappingInfo info, HandlerMethod handlerMethod) {
	}

}
