package dev.cloudevents.spring.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an event could not be delivered because the target could not be reached,
 * after any retries: connection refused, unknown host, timeout or a connection that broke
 * before the response arrived. The target may or may not have received the event. Carries
 * every {@link DeliveryAttempt attempt} that was made.
 *
 * @since 0.1.0
 */
public class CloudEventConnectionException extends RuntimeException {

	private final URI target;

	private final List<DeliveryAttempt> attempts;

	/**
	 * Create an exception for a target that could not be reached in a single attempt.
	 * @param target the URI the event was sent to
	 * @param cause the I/O failure
	 */
	public CloudEventConnectionException(URI target, Throwable cause) {
		this(target, cause, List.of(new DeliveryAttempt(1, Instant.now(), Duration.ZERO, null, cause)), null);
	}

	/**
	 * Create an exception for a target that could not be reached in the last of several
	 * attempts.
	 * @param target the URI the event was sent to
	 * @param cause the I/O failure of the last attempt
	 * @param attempts every attempt, the last one included
	 * @param reason why no further attempt was made, or {@code null} if the attempts ran
	 * out
	 */
	public CloudEventConnectionException(URI target, Throwable cause, List<DeliveryAttempt> attempts,
			@Nullable String reason) {
		super(message(target, cause, attempts, reason), cause);
		this.target = target;
		this.attempts = List.copyOf(attempts);
	}

	private static String message(URI target, Throwable cause, List<DeliveryAttempt> attempts,
			@Nullable String reason) {
		StringBuilder message = new StringBuilder("CloudEvent delivery to ").append(target).append(" failed");
		if (attempts.size() > 1) {
			DeliveryAttempts.appendAttempts(message, attempts);
		}
		else {
			message.append(": ").append(attempts.get(0).outcome());
		}
		DeliveryAttempts.appendReason(message, reason);
		return message.toString();
	}

	CloudEventConnectionException withAttempts(List<DeliveryAttempt> attempts, @Nullable String reason) {
		return new CloudEventConnectionException(this.target, getCause(), attempts, reason);
	}

	/**
	 * Return the URI the event was sent to.
	 * @return the target
	 */
	public URI getTarget() {
		return this.target;
	}

	/**
	 * Return every attempt made to send the event, in order, the last one included.
	 * @return the attempts, at least one
	 */
	public List<DeliveryAttempt> getAttempts() {
		return this.attempts;
	}

}
