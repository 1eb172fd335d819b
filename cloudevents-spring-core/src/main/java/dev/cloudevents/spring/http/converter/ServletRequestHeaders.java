package dev.cloudevents.spring.http.converter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * The headers of a servlet request as they arrived. {@link ServletServerHttpRequest} adds
 * the request's character encoding to {@code Content-Type} (Spring Boot forces UTF-8),
 * which in binary mode would change the event's {@code datacontenttype}. Loaded only when
 * the Servlet API is present.
 */
final class ServletRequestHeaders {

	static final boolean servletPresent = ClassUtils.isPresent("jakarta.servlet.http.HttpServletRequest",
			ServletRequestHeaders.class.getClassLoader());

	private ServletRequestHeaders() {
	}

	static HttpHeaders of(HttpInputMessage inputMessage) {
		if (!(inputMessage instanceof ServletServerHttpRequest request)) {
			return inputMessage.getHeaders();
		}
		HttpHeaders headers = HttpHeaders.copyOf(inputMessage.getHeaders());
		String contentType = request.getServletRequest().getHeader(HttpHeaders.CONTENT_TYPE);
		if (contentType != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		return headers;
	}

}
