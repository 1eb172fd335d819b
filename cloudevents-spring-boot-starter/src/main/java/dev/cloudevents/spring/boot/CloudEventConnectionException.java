package dev.cloudevents.spring.boot;

import java.net.URI;

/**
 * Thrown when an event could not be delivered because the target could not be reached:
 * connection refused, unknown host, timeout or a connection that broke before the
 * response arrived. The target may or may not have received the event.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
public class CloudEventConnectionException extends RuntimeException {

	private final URI target;

	/**
	 * Create an exception for a target that could not be reached.
	 * @param target the URI the event was sent to
	 * @param cause the I/O failure
	 */
	public CloudEventConnectionException(URI target, Throwable cause) {
		super("CloudEvent delivery to " + target + " failed: " + cause.getMessage(), cause);
		this.target = target;
	}

	/**
	 * Return the URI the event was sent to.
	 * @return the target
	 */
	public URI getTarget() {
		return this.target;
	}

}
