package dev.cloudevents.spring.http.converter;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * The headers and body of a servlet request as they arrived.
 * {@link ServletServerHttpRequest} adds the request's character encoding to
 * {@code Content-Type} (Spring Boot forces UTF-8), which in binary mode would change the
 * event's {@code datacontenttype}, and fails with {@link IllegalArgumentException} on a
 * wildcard such as {@code *}{@code /*}. Loaded only when the Servlet API is present.
 */
final class RawServletRequest {

	static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

	static final boolean servletPresent = ClassUtils.isPresent(SERVLET_REQUEST,
			RawServletRequest.class.getClassLoader());

	private RawServletRequest() {
	}

	/**
	 * The body as it arrived. {@link ServletServerHttpRequest#getBody()} rebuilds a form
	 * post from the request parameters, which changes the bytes ({@code %41} becomes
	 * {@code A}, a {@code ;} ends a value): in binary mode they are the event's data.
	 */
	static InputStream body(HttpInputMessage inputMessage) throws IOException {
		return (inputMessage instanceof ServletServerHttpRequest request) ? request.getServletRequest().getInputStream()
				: inputMessage.getBody();
	}

	/**
	 * The headers as they arrived, those that pass the filter only: copying every header
	 * of a request cost more than decoding the event's attributes.
	 */
	static HttpHeaders headers(HttpInputMessage inputMessage, HttpHeaders target, Predicate<String> filter) {
		if (!(inputMessage instanceof ServletServerHttpRequest request)) {
			return inputMessage.getHeaders();
		}
		HttpServletRequest servletRequest = request.getServletRequest();
		for (Enumeration<String> names = servletRequest.getHeaderNames(); names.hasMoreElements();) {
			String name = names.nextElement();
			if (filter.test(name)) {
				for (Enumeration<String> values = servletRequest.getHeaders(name); values.hasMoreElements();) {
					target.add(name, values.nextElement());
				}
			}
		}
		return target;
	}

}
