package dev.cloudevents.spring.mvc;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.support.CloudEventDataReader;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Resolves {@link CloudEvent}, {@code List<CloudEvent>} and {@link CloudEventData
 * &#64;CloudEventData} parameters of Spring MVC handler methods, without
 * {@code @RequestBody}. The body is read with a {@link CloudEventHttpMessageConverter},
 * once per request however many parameters refer to it.
 * <p>
 * An event that cannot be read raises a {@link CloudEventRequestException}, which
 * {@link CloudEventExceptionHandler} answers with a problem detail.
 *
 * @since 0.1.0
 */
public class CloudEventMethodArgumentResolver implements HandlerMethodArgumentResolver {

	// also where routing by event type leaves the event it read
	static final String EVENT_ATTRIBUTE = CloudEventMethodArgumentResolver.class.getName() + ".event";

	private static final String EVENTS_ATTRIBUTE = CloudEventMethodArgumentResolver.class.getName() + ".events";

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClass(CloudEvent.class);

	private static final ResolvableType EVENTS_TYPE = ResolvableType.forClassWithGenerics(List.class, CloudEvent.class);

	private final CloudEventHttpMessageConverter converter;

	private final CloudEventDataReader dataReader;

	/**
	 * Create a resolver that reads events with the given converter and binds data with
	 * the JSON mapper of its binding.
	 * @param converter the converter
	 */
	public CloudEventMethodArgumentResolver(CloudEventHttpMessageConverter converter) {
		this.converter = converter;
		this.dataReader = new CloudEventDataReader(converter.getBinding().format());
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return CloudEventDataReader.isDataParameter(parameter) || parameter.getParameterType() == CloudEvent.class
				|| isEventList(parameter);
	}

	private static boolean isEventList(MethodParameter parameter) {
		return parameter.getParameterType() == List.class
				&& ResolvableType.forMethodParameter(parameter).getGeneric().toClass() == CloudEvent.class;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws Exception {
		if (CloudEventDataReader.isDataParameter(parameter)) {
			Object data = this.dataReader.read((CloudEvent) read(webRequest, EVENT_TYPE, EVENT_ATTRIBUTE), parameter);
			if (data != null && binderFactory != null && CloudEventDataReader.isValidated(parameter)) {
				CloudEventDataReader.validate(binderFactory.createBinder(webRequest, data,
						Conventions.getVariableNameForParameter(parameter)), parameter);
			}
			return data;
		}
		if (parameter.getParameterType() == CloudEvent.class) {
			return read(webRequest, EVENT_TYPE, EVENT_ATTRIBUTE);
		}
		if (webRequest.getAttribute(EVENT_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof CloudEvent event) {
			CloudEventObservationInterceptor.eventsRead(webRequest, event);
			return List.of(event);
		}
		return read(webRequest, EVENTS_TYPE, EVENTS_ATTRIBUTE);
	}

	private Object read(NativeWebRequest webRequest, ResolvableType type, String attribute) throws Exception {
		Object cached = webRequest.getAttribute(attribute, RequestAttributes.SCOPE_REQUEST);
		if (cached != null) {
			// routing by event type reads it before the observation begins
			CloudEventObservationInterceptor.eventsRead(webRequest, cached);
			return cached;
		}
		HttpServletRequest servletRequest = webRequest.getNativeRequest(HttpServletRequest.class);
		if (servletRequest == null) {
			throw new IllegalStateException("CloudEvent parameters need a servlet request");
		}
		Object read = this.converter.read(type, new ServletServerHttpRequest(servletRequest), null);
		webRequest.setAttribute(attribute, read, RequestAttributes.SCOPE_REQUEST);
		CloudEventObservationInterceptor.eventsRead(webRequest, read);
		return read;
	}

}
