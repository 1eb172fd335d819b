package dev.cloudevents.spring.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Thrown when the target of an event answers with a status other than 2xx, after any
 * retries. Carries the final status, the response headers and, when the body was
 * {@code application/problem+json}, the {@link ProblemDetail} the target sent, and every
 * {@link DeliveryAttempt attempt} that was made.
 *
 * @since 0.1.0
 */
public class CloudEventDeliveryException extends RuntimeException {

	private final URI target;

	private final HttpStatusCode statusCode;

	private final HttpHeaders headers;

	private final @Nullable ProblemDetail problemDetail;

	private final List<DeliveryAttempt> attempts;

	/**
	 * Create an exception for a target's answer to a single attempt.
	 * @param target the URI the event was sent to
	 * @param statusCode the status of the response
	 * @param headers the headers of the response
	 * @param problemDetail the problem the response described, or {@code null}
	 */
	public CloudEventDeliveryException(URI target, HttpStatusCode statusCode, HttpHeaders headers,
			@Nullable ProblemDetail problemDetail) {
		this(target, statusCode, headers, problemDetail,
				List.of(new DeliveryAttempt(1, Instant.now(), Duration.ZERO, statusCode, null)), null);
	}

	/**
	 * Create an exception for a target's answer to the last of several attempts.
	 * @param target the URI the event was sent to
	 * @param statusCode the status of the last response
	 * @param headers the headers of the last response
	 * @param problemDetail the problem the last response described, or {@code null}
	 * @param attempts every attempt, the last one included
	 * @param reason why no further attempt was made, such as a 410 answer, or
	 * {@code null} if the attempts ran out
	 */
	public CloudEventDeliveryException(URI target, HttpStatusCode statusCode, HttpHeaders headers,
			@Nullable ProblemDetail problemDetail, List<DeliveryAttempt> attempts, @Nullable String reason) {
		super(message(target, statusCode, problemDetail, attempts, reason));
		this.target = target;
		this.statusCode = statusCode;
		this.headers = HttpHeaders.readOnlyHttpHeaders(headers);
		this.problemDetail = problemDetail;
		this.attempts = List.copyOf(attempts);
	}

	private static String message(URI target, HttpStatusCode statusCode, @Nullable ProblemDetail problemDetail,
			List<DeliveryAttempt> attempts, @Nullable String reason) {
		StringBuilder message = new StringBuilder("CloudEvent delivery to ").append(target).append(" failed");
		DeliveryAttempts.appendAttempts(message, attempts);
		message.append(" with status ").append(statusCode.value());
		if (problemDetail != null && problemDetail.getDetail() != null) {
			message.append(": ").append(problemDetail.getDetail());
		}
		else if (problemDetail != null && problemDetail.getTitle() != null) {
			message.append(": ").append(problemDetail.getTitle());
		}
		DeliveryAttempts.appendReason(message, reason);
		return message.toString();
	}

	CloudEventDeliveryException withAttempts(List<DeliveryAttempt> attempts, @Nullable String reason) {
		return new CloudEventDeliveryException(this.target, this.statusCode, this.headers, this.problemDetail, attempts,
				reason);
	}

	/**
	 * Return the URI the event was sent to.
	 * @return the target
	 */
	public URI getTarget() {
		return this.target;
	}

	/**
	 * Return the status the target answered with last.
	 * @return the status
	 */
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Return the headers of the target's last response.
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

	/**
	 * Return every attempt made to send the event, in order, the last one included.
	 * @return the attempts, at least one
	 */
	public List<DeliveryAttempt> getAttempts() {
		return this.attempts;
	}

}
