package dev.cloudevents.spring.mvc;

import java.io.IOException;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpRequest;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;

/**
 * Reads the event of a request for routing, once, and leaves it where
 * {@link CloudEventMethodArgumentResolver} finds it, so that the chosen method receives
 * that same event.
 */
final class RoutedEventReader {

	private static final ResolvableType EVENT_TYPE = ResolvableType.forClass(CloudEvent.class);

	private static final String FAILURE_ATTRIBUTE = RoutedEventReader.class.getName() + ".failure";

	private static final String CE_SPECVERSION = CloudEventHttpBinding.HEADER_PREFIX + CloudEvent.SPECVERSION;

	private final CloudEventHttpMessageConverter converter;

	RoutedEventReader(CloudEventHttpMessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * The event of a request in binary or structured mode, read within the converter's
	 * body limit; {@code null} for a batch or a request that is no CloudEvent. An invalid
	 * event fails as it would in the argument resolver, and again on the next call.
	 */
	@Nullable CloudEvent read(HttpServletRequest request) {
		// kept on the request as the container made it: a wrapper may keep attributes
		// of its own (HandlerMappingIntrospector's does, when it looks up the handler for
		// CORS before the dispatch), while the body can be read only once
		ServletRequest original = original(request);
		Object read = original.getAttribute(CloudEventMethodArgumentResolver.EVENT_ATTRIBUTE);
		if (read instanceof CloudEvent event) {
			return event;
		}
		if (original.getAttribute(FAILURE_ATTRIBUTE) instanceof RuntimeException failure) {
			throw failure;
		}
		if (this.converter.getBinding().contentMode(modeHeaders(request)) == null) {
			return null;
		}
		ServletServerHttpRequest inputMessage = new ServletServerHttpRequest(request);
		try {
			CloudEvent event = (CloudEvent) this.converter.read(EVENT_TYPE, inputMessage, null);
			original.setAttribute(CloudEventMethodArgumentResolver.EVENT_ATTRIBUTE, event);
			return event;
		}
		catch (IOException ex) {
			throw fail(original, new HttpMessageNotReadableException(
					"I/O error while reading the CloudEvent: " + ex.getMessage(), ex, inputMessage));
		}
		catch (RuntimeException ex) {
			throw fail(original, ex);
		}
	}

	private static RuntimeException fail(ServletRequest original, RuntimeException failure) {
		original.setAttribute(FAILURE_ATTRIBUTE, failure);
		return failure;
	}

	private static ServletRequest original(ServletRequest request) {
		ServletRequest original = request;
		while (original instanceof ServletRequestWrapper wrapper) {
			original = wrapper.getRequest();
		}
		return original;
	}

	/**
	 * Return the event already read for a request, without reading it.
	 */
	static @Nullable CloudEvent readBefore(HttpServletRequest request) {
		return (original(request)
			.getAttribute(CloudEventMethodArgumentResolver.EVENT_ATTRIBUTE) instanceof CloudEvent event) ? event : null;
	}

	/**
	 * Return whether an exception is the failure to read a request's event.
	 */
	static boolean isReadFailure(HttpServletRequest request, Throwable ex) {
		return original(request).getAttribute(FAILURE_ATTRIBUTE) == ex;
	}

	/**
	 * Mark a request as observed, and return whether it was not before: a handler lookup
	 * before the dispatch sees the same failure again.
	 */
	static boolean markObserved(HttpServletRequest request, String attribute) {
		ServletRequest original = original(request);
		if (original.getAttribute(attribute) != null) {
			return false;
		}
		original.setAttribute(attribute, Boolean.TRUE);
		return true;
	}

	boolean isBatch(HttpServletRequest request) {
		return this.converter.getBinding().isBatch(modeHeaders(request));
	}

	/** The two headers that tell the mode, as sent. */
	private static HttpHeaders modeHeaders(HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (contentType != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		String specVersion = request.getHeader(CE_SPECVERSION);
		if (specVersion != null) {
			headers.set(CE_SPECVERSION, specVersion);
		}
		return headers;
	}

}
