package dev.cloudevents.spring.mvc;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.support.CloudEventMappingInfo;
import dev.cloudevents.spring.support.EventRouting;
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
		EventRouting.assertUnambiguous(handlerMethods, CloudEventRequestMappingHandlerMapping::mappingOf,
				CloudEventRequestMappingHandlerMapping::otherConditions);
	}

	private static @Nullable CloudEventMappingInfo mappingOf(RequestMappingInfo info) {
		return (info.getCustomCondition() instanceof CloudEventMappingCondition condition) ? condition.info() : null;
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
				// a body that cannot be read is answered 400, as Spring answers it
				Integer status = (ex instanceof ErrorResponse response) ? response.getStatusCode().value()
						: (ex instanceof HttpMessageNotReadableException) ? HttpStatus.BAD_REQUEST.value() : null;
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
		Set<RequestMappingInfo> reported = EventRouting.noMatch(infos, (info) -> routedOnPath(info, request),
				(info) -> otherConditionsMatch(info, request), () -> this.events.read(request),
				() -> this.events.isBatch(request));
		return super.handleNoMatch(reported, lookupPath, request);
	}

	private static @Nullable CloudEventMappingInfo routedOnPath(RequestMappingInfo info, HttpServletRequest request) {
		CloudEventMappingInfo mapping = mappingOf(info);
		return (mapping != null && info.getMethodsCondition().getMatchingCondition(request) != null
				&& info.getActivePatternsCondition().getMatchingCondition(request) != null) ? mapping : null;
	}

	private static boolean otherConditionsMatch(RequestMappingInfo info, HttpServletRequest request) {
		return info.getParamsCondition().getMatchingCondition(request) != null
				&& info.getHeadersCondition().getMatchingCondition(request) != null
				&& info.getConsumesCondition().getMatchingCondition(request) != null
				&& info.getProducesCondition().getMatchingCondition(request) != null
				&& info.getVersionCondition().getMatchingCondition(request) != null;
	}

}
