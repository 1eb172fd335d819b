package dev.cloudevents.spring.mvc;

import java.io.IOException;

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

	private static final String CE_SPECVERSION = CloudEventHttpBinding.HEADER_PREFIX + CloudEvent.SPECVERSION;

	private final CloudEventHttpMessageConverter converter;

	RoutedEventReader(CloudEventHttpMessageConverter converter) {
		this.converter = converter;
	}

	/**
	 * The event of a request in binary or structured mode, read within the converter's
	 * body limit; {@code null} for a batch or a request that is no CloudEvent. An invalid
	 * event fails as it would in the argument resolver.
	 */
	@Nullable CloudEvent read(HttpServletRequest request) {
		if (request.getAttribute(CloudEventMethodArgumentResolver.EVENT_ATTRIBUTE) instanceof CloudEvent event) {
			return event;
		}
		if (this.converter.getBinding().contentMode(modeHeaders(request)) == null) {
			return null;
		}
		ServletServerHttpRequest inputMessage = new ServletServerHttpRequest(request);
		try {
			CloudEvent event = (CloudEvent) this.converter.read(EVENT_TYPE, inputMessage, null);
			request.setAttribute(CloudEventMethodArgumentResolver.EVENT_ATTRIBUTE, event);
			return event;
		}
		catch (IOException ex) {
			throw new HttpMessageNotReadableException("I/O error while reading the CloudEvent: " + ex.getMessage(), ex,
					inputMessage);
		}
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
