package dev.cloudevents.spring.boot;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Thrown when the target of an event answers with a status other than 2xx. Carries the
 * status, the response headers and, when the body was {@code application/problem+json},
 * the {@link ProblemDetail} the target sent.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
public class CloudEventDeliveryException extends RuntimeException {

	private final URI target;

	private final HttpStatusCode statusCode;

	private final HttpHeaders headers;

	private final @Nullable ProblemDetail problemDetail;

	/**
	 * Create an exception for a target's answer.
	 * @param target the URI the event was sent to
	 * @param statusCode the status of the response
	 * @param headers the headers of the response
	 * @param problemDetail the problem the response described, or {@code null}
	 */
	public CloudEventDeliveryException(URI target, HttpStatusCode statusCode, HttpHeaders headers,
			@Nullable ProblemDetail problemDetail) {
		super(message(target, statusCode, problemDetail));
		this.target = target;
		this.statusCode = statusCode;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.problemDetail = problemDetail;
	}

	private static String message(URI target, HttpStatusCode statusCode, @Nullable ProblemDetail problemDetail) {
		String message = "CloudEvent delivery to " + target + " failed with status " + statusCode.value();
		if (problemDetail != null && problemDetail.getDetail() != null) {
			return message + ": " + problemDetail.getDetail();
		}
		if (problemDetail != null && problemDetail.getTitle() != null) {
			return message + ": " + problemDetail.getTitle();
		}
		return message;
	}

	/**
	 * Return the URI the event was sent to.
	 * @return the target
	 */
	public URI getTarget() {
		return this.target;
	}

	/**
	 * Return the status the target answered with.
	 * @return the status
	 */
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the headers of the target's response.
	 * @return the read-only headers
	 */
	public HttpHeaders getHeaders() {
		return this.headers;
	}

	/**
	 * Return the RFC 9457 problem the target described in an
	 * {@code application/problem+json} body.
	 * @return the problem, or {@code null} if the body was not a problem
	 */
	public @Nullable ProblemDetail getProblemDetail() {
		return this.problemDetail;
	}

}
