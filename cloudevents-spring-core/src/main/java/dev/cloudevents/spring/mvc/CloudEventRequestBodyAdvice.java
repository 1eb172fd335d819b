package dev.cloudevents.spring.mvc;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;

/**
 * Reads a binary-mode event without data into a {@code @RequestBody CloudEvent}
 * parameter, and hands the events read into such parameters to
 * {@link CloudEventObservationInterceptor}. Spring MVC does not call converters for an
 * empty body, but in binary mode the headers are the event, so an empty body is still an
 * event (or, when the headers are not, a 400 problem rather than "request body is
 * missing").
 * <p>
 * Register it as a bean: Spring MVC picks up {@link ControllerAdvice @ControllerAdvice}
 * beans.
 *
 * @since 0.1.0
 */
@ControllerAdvice
public class CloudEventRequestBodyAdvice extends RequestBodyAdviceAdapter {

	private final CloudEventHttpMessageConverter converter;

	/**
	 * Create an advice that reads empty bodies with the given converter.
	 * @param converter the converter that reads events
	 */
	public CloudEventRequestBodyAdvice(CloudEventHttpMessageConverter converter) {
		this.converter = converter;
	}

	@Override
	public boolean supports(MethodParameter methodParameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return CloudEventHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public @Nullable Object handleEmptyBody(@Nullable Object body, HttpInputMessage inputMessage,
			MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		try {
			Object read = this.converter.read(ResolvableType.forType(targetType),
					new EmptyBody(inputMessage.getHeaders()), null);
			CloudEventObservationInterceptor.eventsRead(RequestContextHolder.getRequestAttributes(), read);
			return read;
		}
		catch (IOException ex) {
			// an empty body cannot fail to be read
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		CloudEventObservationInterceptor.eventsRead(RequestContextHolder.getRequestAttributes(), body);
		return body;
	}

	private record EmptyBody(HttpHeaders getHeaders) implements HttpInputMessage {

		@Override
		public InputStream getBody() {
			return InputStream.nullInputStream();
		}

	}

}
