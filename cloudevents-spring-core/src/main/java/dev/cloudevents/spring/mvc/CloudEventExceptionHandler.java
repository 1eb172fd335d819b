package dev.cloudevents.spring.mvc;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Answers a {@link CloudEventRequestException} with its status (400, 413 or 415) and an
 * {@code application/problem+json} body, whether or not the application has enabled
 * Spring MVC's problem details. It has the lowest precedence, so that an application's
 * own {@link ControllerAdvice @ControllerAdvice} can take over.
 * <p>
 * Register it as a bean: Spring MVC picks up {@code @ControllerAdvice} beans.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CloudEventExceptionHandler {

	/**
	 * Answer a request that does not carry an acceptable CloudEvent.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleCloudEventRequestException(CloudEventRequestException ex,
			HttpServletRequest request) {
		ProblemDetail body = ex.getBody();
		if (body.getInstance() == null) {
			body.setInstance(URI.create(request.getRequestURI()));
		}
		return ResponseEntity.status(ex.getStatusCode()).headers(ex.getHeaders()).body(body);
	}

}
