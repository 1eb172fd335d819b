package dev.cloudevents.spring.mvc;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.http.CloudEventCodecSupport;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;

/**
 * Makes a {@code CloudEvent} returned by a Spring MVC handler method, as it is or in a
 * {@code ResponseEntity}, answer in the content mode of the request: binary in, binary
 * out; structured in, structured out. Requests that carry no single event leave the
 * choice to the {@link CloudEventHttpMessageConverter}.
 * <p>
 * Register it as a bean: Spring MVC picks up {@link ControllerAdvice @ControllerAdvice}
 * beans.
 *
 * @since 0.1.0
 */
@ControllerAdvice
public class CloudEventResponseBodyAdvice implements ResponseBodyAdvice<Object> {

	private final CloudEventHttpBinding binding;

	/**
	 * Create an advice that detects the content mode of requests with the given binding.
	 * @param binding the HTTP binding
	 */
	public CloudEventResponseBodyAdvice(CloudEventHttpBinding binding) {
		this.binding = binding;
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return CloudEventHttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		return body;
	}

	@Override
	public @Nullable Map<String, Object> determineWriteHints(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType) {
		// the hints are asked for without the request: it is bound to the thread in MVC
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			// the two headers that tell the mode, as sent: ServletServerHttpRequest
			// adds a charset to Content-Type and fails on a wildcard one
			HttpHeaders headers = new HttpHeaders();
			copy(request, HttpHeaders.CONTENT_TYPE, headers);
			copy(request, CloudEventHttpBinding.SPECVERSION_HEADER, headers);
			ContentMode mode = this.binding.contentMode(headers);
			if (mode != null) {
				return Map.of(CloudEventCodecSupport.CONTENT_MODE_HINT, mode);
			}
		}
		return null;
	}

	private static void copy(HttpServletRequest request, String name, HttpHeaders headers) {
		String value = request.getHeader(name);
		if (value != null) {
			headers.set(name, value);
		}
	}

}
