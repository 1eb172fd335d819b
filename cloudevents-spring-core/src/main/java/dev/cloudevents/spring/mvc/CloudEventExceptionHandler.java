package dev.cloudevents.spring.mvc;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.web.CloudEventRequestException;
import dev.cloudevents.spring.support.RejectedEventLog;

/**
 * Answers a {@link CloudEventRequestException} with its status (400, 413 or 415) and an
 * {@code application/problem+json} body, whether or not the application has enabled
 * Spring MVC's problem details, and logs it with {@link RejectedEventLog}. It has the
 * lowest precedence, so that an application's own
 * {@link ControllerAdvice @ControllerAdvice} can take over.
 * <p>
 * Register it as a bean: Spring MVC picks up {@code @ControllerAdvice} beans.
 *
 * @since 0.1.0
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class CloudEventExceptionHandler {

	private final RejectedEventLog rejections = new RejectedEventLog();

	/**
	 * Answer a request that does not carry an acceptable CloudEvent.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleCloudEventRequestException(CloudEventRequestException ex,
			HttpServletRequest request) {
		this.rejections.rejected(ex, request.getMethod(), request.getRequestURI());
		ProblemDetail body = ex.getBody();
		if (body.getInstance() == null) {
			body.setInstance(URI.create(request.getRequestURI()));
		}
		return ResponseEntity.status(ex.getStatusCode()).headers(ex.getHeaders()).body(body);
	}

	/**
	 * Answer a binary-mode event whose {@code Content-Type} is no media type, which
	 * Spring MVC rejects before any converter sees it. Other unsupported media types are
	 * left to the application.
	 * @param ex the exception
	 * @param request the request
	 * @return the problem response
	 * @throws HttpMediaTypeNotSupportedException when the request is not such an event
	 */
	@ExceptionHandler
	public ResponseEntity<ProblemDetail> handleMalformedContentType(HttpMediaTypeNotSupportedException ex,
			HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
		String contentType = request.getContentType();
		if (request.getHeader(CloudEventHttpBinding.SPECVERSION_HEADER) == null || contentType == null
				|| isMediaType(contentType)) {
			throw ex;
		}
		return handleCloudEventRequestException(
				CloudEventRequestException.of(new InvalidCloudEventException(CloudEvent.DATACONTENTTYPE,
						"comes from a Content-Type that is not a media type: '" + contentType + "'")),
				request);
	}

	private static boolean isMediaType(String contentType) {
		try {
			MediaType.parseMediaType(contentType);
			return true;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
