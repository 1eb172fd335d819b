package dev.cloudevents.spring.mvc;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.DispatcherServlet;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.observation.CloudEventReceiveContext;
import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;
import dev.cloudevents.spring.observation.DefaultCloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.TraceContextExtension;
import dev.cloudevents.spring.support.CloudEventDataReader;

/**
 * Observes each request to a Spring MVC handler method that takes a {@link CloudEvent}, a
 * {@code List<CloudEvent>} or {@link dev.cloudevents.spring.annotation.CloudEventData
 * &#64;CloudEventData}, as a {@link CloudEventsObservationDocumentation#RECEIVE
 * cloudevents.receive} observation: from before the arguments are resolved until the
 * request completes, with the events that {@link CloudEventMethodArgumentResolver} or
 * {@link CloudEventRequestBodyAdvice} read, the status and the error (a rejected event's
 * {@link dev.cloudevents.spring.web.CloudEventRequestException} too, although an
 * exception handler answered it). The observation is the current one while the handler
 * runs: the handler's own observations are its children, and it is a child of the
 * server's.
 * <p>
 * Register it with {@code WebMvcConfigurer.addInterceptors}; without an
 * {@link ObservationRegistry} there is nothing to observe and no need to.
 *
 * @since 0.1.0
 */
public class CloudEventObservationInterceptor implements AsyncHandlerInterceptor {

	private static final String OBSERVATION_ATTRIBUTE = CloudEventObservationInterceptor.class.getName()
			+ ".observation";

	private static final CloudEventReceiveObservationConvention DEFAULT_CONVENTION = new DefaultCloudEventReceiveObservationConvention();

	private final ObservationRegistry registry;

	private final CloudEventHttpBinding binding;

	private @Nullable CloudEventReceiveObservationConvention convention;

	private final Map<Method, Boolean> eventHandlers = new ConcurrentHashMap<>();

	/**
	 * Create an interceptor.
	 * @param registry the registry to observe with
	 * @param binding the binding that tells the content mode of a request
	 */
	public CloudEventObservationInterceptor(ObservationRegistry registry, CloudEventHttpBinding binding) {
		this.registry = registry;
		this.binding = binding;
	}

	/**
	 * Set the convention to use instead of
	 * {@link DefaultCloudEventReceiveObservationConvention}.
	 * @param convention the convention
	 */
	public void setObservationConvention(CloudEventReceiveObservationConvention convention) {
		this.convention = convention;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (this.registry.isNoop() || !(handler instanceof HandlerMethod handlerMethod) || !this.eventHandlers
			.computeIfAbsent(handlerMethod.getMethod(), (method) -> takesEvents(handlerMethod))) {
			return true;
		}
		if (request.getAttribute(OBSERVATION_ATTRIBUTE) instanceof ReceiveObservation started) {
			// the dispatch that completes an asynchronous request
			started.openScope();
			return true;
		}
		// the observation starts once the events are read, so that a tracer can link the
		// traces their traceparent extensions name to its span as it creates it
		CloudEventReceiveContext context = new CloudEventReceiveContext("http");
		context.setTransportTraceparent(request.getHeader(TraceContextExtension.TRACEPARENT));
		HttpHeaders headers = new ServletServerHttpRequest(request).getHeaders();
		context.setContentMode(this.binding.contentMode(headers));
		context.setBatch(this.binding.isBatch(headers));
		Observation observation = CloudEventsObservationDocumentation.RECEIVE.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.registry);
		request.setAttribute(OBSERVATION_ATTRIBUTE, new ReceiveObservation(observation, context));
		return true;
	}

	@Override
	public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
			Object handler) {
		if (request.getAttribute(OBSERVATION_ATTRIBUTE) instanceof ReceiveObservation receive) {
			receive.closeScope();
		}
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		if (!(request.getAttribute(OBSERVATION_ATTRIBUTE) instanceof ReceiveObservation receive)) {
			return;
		}
		request.removeAttribute(OBSERVATION_ATTRIBUTE);
		Throwable error = (ex != null) ? ex : (Throwable) request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE);
		receive.start();
		receive.context.setStatus(response.getStatus());
		if (error != null) {
			receive.observation.error(error);
		}
		receive.closeScope();
		receive.observation.stop();
	}

	/**
	 * Start observing the request, if it is observed, with the event or events read for
	 * it; the handler then runs in the observation's scope.
	 * @param request the request
	 * @param read a {@link CloudEvent} or a {@code List<CloudEvent>}
	 */
	@SuppressWarnings("unchecked")
	static void eventsRead(@Nullable RequestAttributes request, @Nullable Object read) {
		if (request != null && request.getAttribute(OBSERVATION_ATTRIBUTE,
				RequestAttributes.SCOPE_REQUEST) instanceof ReceiveObservation receive) {
			if (read instanceof CloudEvent event) {
				receive.context.setEvents(List.of(event));
			}
			else if (read instanceof List<?> events) {
				receive.context.setEvents((List<CloudEvent>) events);
			}
			receive.start();
			receive.openScope();
		}
	}

	private static boolean takesEvents(HandlerMethod handlerMethod) {
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			Class<?> type = parameter.getParameterType();
			if (type == CloudEvent.class || CloudEventDataReader.isDataParameter(parameter) || (type == List.class
					&& ResolvableType.forMethodParameter(parameter).getGeneric().toClass() == CloudEvent.class)) {
				return true;
			}
		}
		return false;
	}

	private static final class ReceiveObservation {

		private final Observation observation;

		private final CloudEventReceiveContext context;

		private Observation.@Nullable Scope scope;

		ReceiveObservation(Observation observation, CloudEventReceiveContext context) {
			this.observation = observation;
			this.context = context;
		}

		private boolean started;

		void start() {
			if (!this.started) {
				this.started = true;
				this.observation.start();
			}
		}

		void openScope() {
			if (this.started && this.scope == null) {
				this.scope = this.observation.openScope();
			}
		}

		void closeScope() {
			if (this.scope != null) {
				this.scope.close();
				this.scope = null;
			}
		}

	}

}
