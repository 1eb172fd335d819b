package dev.cloudevents.spring.sample;

import java.net.URI;

import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * Thrown when the target of {@code POST /api/send} answered with a reply that is not a
 * valid CloudEvent.
 */
class InvalidReplyException extends RuntimeException {

	private final URI target;

	InvalidReplyException(URI target, InvalidCloudEventException cause) {
		super(target + " replied with an invalid event: " + cause.getMessage(), cause);
		this.target = target;
	}

	URI getTarget() {
		return this.target;
	}

}
