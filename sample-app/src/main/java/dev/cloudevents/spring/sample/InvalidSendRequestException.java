package dev.cloudevents.spring.sample;

/**
 * Thrown when the body of {@code POST /api/send} lacks a part or has a wrong one.
 */
class InvalidSendRequestException extends RuntimeException {

	InvalidSendRequestException(String message) {
		super(message);
	}

}
