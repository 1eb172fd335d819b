package dev.cloudevents.spring;

import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.EventLimits.Limit;

/**
 * Thrown when an event or batch goes over one of the {@link EventLimits}. Receivers
 * answer a batch over {@link Limit#BATCH_SIZE} with 413 Content Too Large, like a body
 * over the size limit, and any other limit with 400 Bad Request.
 *
 * @since 0.1.0
 */
public class EventLimitExceededException extends InvalidCloudEventException {

	/** The limit that was exceeded. */
	private final Limit limit;

	/**
	 * Create an exception for a limit.
	 * @param limit the limit that was exceeded
	 * @param message what went over the limit, naming it
	 * @param cause the underlying failure, if any
	 */
	public EventLimitExceededException(Limit limit, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.limit = limit;
	}

	/**
	 * Return the limit that was exceeded.
	 * @return the limit
	 */
	public Limit getLimit() {
		return this.limit;
	}

}
