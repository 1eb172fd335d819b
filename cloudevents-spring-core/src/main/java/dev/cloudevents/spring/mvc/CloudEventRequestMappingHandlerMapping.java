package dev.cloudevents.spring.mvc;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.web.CloudEventMappingInfo;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * A {@link RequestMappingHandlerMapping} that routes CloudEvents to handler methods by
 * {@link CloudEventMapping @CloudEventMapping}, in binary and structured content mode
 * alike. Each such method gets a request condition that reads the request's event (once,
 * with the {@link CloudEventHttpMessageConverter} and within its body limit) and matches
 * it, so that Spring MVC chooses the most specific method as it does for its own
 * conditions; the chosen method receives that same event through
 * {@link CloudEventMethodArgumentResolver}.
 * <p>
 * At start-up, two methods on one request mapping that could match one event equally fail
 * with an {@link IllegalStateException} naming both. An event on a path whose methods all
 * have {@code @CloudEventMapping} and none takes it is answered with a
 * {@link CloudEventRequestException}: 422 for an event of another type, 415 for a batch,
 * 400 for a request that carries no CloudEvent. With a
 * {@link CloudEventObservationInterceptor} among its interceptors, such a request, and
 * one whose event is invalid, is observed as {@code cloudevents.receive} with its error.
 * <p>
 * With Spring Boot, provide it through a {@code WebMvcRegistrations} bean (the starter
 * does); otherwise, override
 * {@code WebMvcConfigurationSupport.createRequestMappingHandlerMapping()}.
 *
 * @since 0.1.0
 */
public class CloudEventRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

	private final RoutedEventReader events;

	/**
	 * Create a mapping that reads routed events with the given converter.
	 * @param converter the converter, with the application's binding and body limit
	 */
	public CloudEventRequestMappingHandlerMapping(CloudEventHttpMessageConverter converter) {
		this.events = new RoutedEventReader(converter);
	}

	@Override
	protected @Nullable RequestCondition<?> getCustomMethodCondition(Method method) {
		CloudEventMappingInfo info = CloudEventMappingInfo.forMethod(method);
		return (info != null) ? new CloudEventMappingCondition(info, this.events) : null;
	}

	@Override
	protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
		super.handlerMethodsInitialized(handlerMethods);
		Map<List<Object>, Map<String, CloudEventMappingInfo>> byOtherConditions = new LinkedHashMap<>();
		handlerMethods.forEach((info, handlerMethod) -> {
			if (info.getCustomCondition() instanceof CloudEventMappingCondition condition) {
				byOtherConditions.computeIfAbsent(otherConditions(info), (key) -> new LinkedHashMap<>())
					.put(handlerMethod.toString(), condition.info());
			}
		});
		byOtherConditions.forEach((conditions, mappings) -> CloudEventMappingInfo
			.assertUnambiguous(conditions.get(0) + " " + conditions.get(1), mappings));
	}

	private static List<Object> otherConditions(RequestMappingInfo info) {
		return List.of(info.getMethodsCondition(), info.getActivePatternsCondition(), info.getParamsCondition(),
				info.getHeadersCondition(), info.getConsumesCondition(), info.getProducesCondition(),
				info.getVersionCondition());
	}

	@Override
	protected @Nullable HandlerMethod getHandlerInternal(HttpServletRequest request) throws Exception {
		try {
			return super.getHandlerInternal(request);
		}
		catch (RuntimeException ex) {
			// rejected before a handler is chosen, so no interceptor runs: observed here
			if (ex instanceof CloudEventRequestException || RoutedEventReader.isReadFailure(request, ex)) {
				Integer status = (ex instanceof ErrorResponse response) ? response.getStatusCode().value() : null;
				for (HandlerInterceptor interceptor : getAdaptedInterceptors()) {
					if (interceptor instanceof CloudEventObservationInterceptor observation) {
						observation.rejected(request, RoutedEventReader.readBefore(request), status, ex);
					}
				}
			}
			throw ex;
		}
	}

	@Override
	protected @Nullable HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath,
			HttpServletRequest request) throws ServletException {
		List<RequestMappingInfo> onPath = new ArrayList<>();
		for (RequestMappingInfo info : infos) {
			if (info.getCustomCondition() instanceof CloudEventMappingCondition
					&& info.getMethodsCondition().getMatchingCondition(request) != null
					&& info.getActivePatternsCondition().getMatchingCondition(request) != null) {
				onPath.add(info);
			}
		}
		if (onPath.isEmpty()) {
			return super.handleNoMatch(infos, lookupPath, request);
		}
		CloudEvent event = this.events.read(request);
		List<CloudEventMappingInfo> mappings = new ArrayList<>();
		Set<RequestMappingInfo> notTaking = new HashSet<>();
		boolean onlyEventMismatch = false;
		for (RequestMappingInfo info : onPath) {
			CloudEventMappingInfo mapping = ((CloudEventMappingCondition) info.getCustomCondition()).info();
			mappings.add(mapping);
			if (event == null || mapping.match(event) == null) {
				notTaking.add(info);
				onlyEventMismatch |= otherConditionsMatch(info, request);
			}
		}
		if (notTaking.size() < onPath.size()) {
			// a method takes the event but another condition of it failed: Spring tells
			// which, leaving out the methods that do not take the event
			Set<RequestMappingInfo> others = new HashSet<>(infos);
			others.removeAll(notTaking);
			return super.handleNoMatch(others, lookupPath, request);
		}
		if (!onlyEventMismatch) {
			return super.handleNoMatch(infos, lookupPath, request);
		}
		throw CloudEventRequestException.unrouted(event, this.events.isBatch(request), mappings);
	}

	private static boolean otherConditionsMatch(RequestMappingInfo info, HttpServletRequest request) {
		return info.getParamsCondition().getMatchingCondition(request) != null
				&& info.getHeadersCondition().getMatchingCondition(request) != null
				&& info.getConsumesCondition().getMatchingCondition(request) != null
				&& info.getProducesCondition().getMatchingCondition(request) != null
				&& info.getVersionCondition().getMatchingCondition(request) != null;
	}

}
