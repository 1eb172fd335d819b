package dev.cloudevents.spring.sample;

import java.net.URI;

/**
 * Thrown when the target of {@code POST /api/send} could not be reached at all.
 *
 * @author cloudevents-spring
 */
class TargetUnreachableException extends RuntimeException {

	private final URI target;

	TargetUnreachableException(URI target, Throwable cause) {
		super("Could not reach " + target + ": " + cause.getMessage(), cause);
		this.target = target;
	}

	URI getTarget() {
		return this.target;
	}

}
