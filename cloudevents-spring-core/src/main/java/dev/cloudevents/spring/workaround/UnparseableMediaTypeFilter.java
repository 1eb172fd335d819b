package dev.cloudevents.spring.workaround;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Answers 400 with a problem detail for a request whose {@code Content-Type} or
 * {@code Accept} the running Spring Framework fails to parse (7.0.8 fails on a value that
 * starts with a quote, spring-framework#36971), before Spring MVC answers it with 500: a
 * handler with a {@code consumes} condition anywhere in the application is enough for
 * that. A filter, because handler mapping comes before any interceptor or advice; it
 * writes the problem itself, because Spring's error rendering reads {@code Accept} too.
 * Needed only on a Framework with the defect, 7.0.8 (the starter registers it only
 * there).
 *
 * @since 0.1.0
 */
public class UnparseableMediaTypeFilter extends OncePerRequestFilter implements Ordered {

	/** Early, so that no other filter reads the header first. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CloudEventRequestException problem = UnparseableMediaTypes.check(request.getHeader(HttpHeaders.CONTENT_TYPE),
				() -> request.getHeaders(HttpHeaders.ACCEPT).asIterator());
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail body = problem.getBody();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("type", body.getType().toString());
		json.put("title", body.getTitle());
		json.put("status", body.getStatus());
		json.put("detail", body.getDetail());
		json.put("instance", request.getRequestURI());
		if (body.getProperties() != null) {
			json.putAll(body.getProperties());
		}
		response.setStatus(body.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JsonMapper.shared().writeValueAsBytes(json));
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
