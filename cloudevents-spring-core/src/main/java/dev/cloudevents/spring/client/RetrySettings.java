package dev.cloudevents.spring.client;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * When and how often the templates retry a failed attempt to send an event.
 * <p>
 * A connection failure (refused, unknown host, timed out, broken), a 5xx or a 429 answer
 * is retried with exponential backoff and jitter, or after the time that the target's
 * {@code Retry-After} asks for if that is no longer than {@link #maxRetryAfter()}. Other
 * 4xx answers are not retried, and neither is {@code 410 Gone}, which the CloudEvents
 * webhook specification says means the target is retired. A retry sends the same event,
 * with the same id: receivers deduplicate events by source and id, so an event that did
 * arrive although its attempt failed (a timeout after the target read it) is not
 * processed twice by a conforming receiver. The {@code exchange} methods of the templates
 * retry connection failures only: any status is an answer they return.
 *
 * @param maxAttempts the maximum number of attempts, the first included; 1 disables
 * retries
 * @param initialInterval the wait before the second attempt
 * @param multiplier the factor by which the wait grows after each further attempt, at
 * least 1
 * @param maxInterval the longest wait between two attempts, jitter included
 * @param jitter the randomness of each wait, from 0 to 1: 0.5 spreads a wait of 1s
 * between 0.5s and 1.5s, so that senders failing together do not retry together
 * @param maxRetryAfter the longest {@code Retry-After} that is waited for; a target
 * asking for a longer pause fails the send at once
 * @see CloudEventTemplate#setRetrySettings(RetrySettings)
 * @see ReactiveCloudEventTemplate#setRetrySettings(RetrySettings)
 */
public record RetrySettings(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval,
		double jitter, Duration maxRetryAfter) {

	private static final RetrySettings DEFAULTS = new RetrySettings(3, Duration.ofMillis(200), 2.0,
			Duration.ofSeconds(5), 0.5, Duration.ofSeconds(30));

	/**
	 * Create settings, checking that each value is in its range.
	 * @throws IllegalArgumentException if a value is out of its range
	 */
	public RetrySettings {
		Assert.isTrue(maxAttempts >= 1, () -> "max-attempts must be at least 1, not " + maxAttempts);
		notNegative("initial-interval", initialInterval);
		Assert.isTrue(multiplier >= 1.0 && !Double.isInfinite(multiplier),
				() -> "multiplier must be at least 1.0, not " + multiplier);
		notNegative("max-interval", maxInterval);
		Assert.isTrue(jitter >= 0.0 && jitter <= 1.0, () -> "jitter must be between 0 and 1, not " + jitter);
		notNegative("max-retry-after", maxRetryAfter);
	}

	/**
	 * Return the defaults: 3 attempts, waits from 200ms doubling up to 5s with a jitter
	 * of 0.5, and a {@code Retry-After} of up to 30s.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return DEFAULTS;
	}

	/**
	 * Return a copy with the given maximum number of attempts.
	 * @param maxAttempts the maximum number of attempts, at least 1
	 * @return the new settings
	 */
	public RetrySettings withMaxAttempts(int maxAttempts) {
		return new RetrySettings(maxAttempts, this.initialInterval, this.multiplier, this.maxInterval, this.jitter,
				this.maxRetryAfter);
	}

	/**
	 * Return a copy with the given wait before the second attempt.
	 * @param initialInterval the wait, not negative
	 * @return the new settings
	 */
	public RetrySettings withInitialInterval(Duration initialInterval) {
		return new RetrySettings(this.maxAttempts, initialInterval, this.multiplier, this.maxInterval, this.jitter,
				this.maxRetryAfter);
	}

	/**
	 * Return a copy with the given growth factor of the wait.
	 * @param multiplier the factor, at least 1
	 * @return the new settings
	 */
	public RetrySettings withMultiplier(double multiplier) {
		return new RetrySettings(this.maxAttempts, this.initialInterval, multiplier, this.maxInterval, this.jitter,
				this.maxRetryAfter);
	}

	/**
	 * Return a copy with the given longest wait.
	 * @param maxInterval the longest wait, not negative
	 * @return the new settings
	 */
	public RetrySettings withMaxInterval(Duration maxInterval) {
		return new RetrySettings(this.maxAttempts, this.initialInterval, this.multiplier, maxInterval, this.jitter,
				this.maxRetryAfter);
	}

	/**
	 * Return a copy with the given jitter.
	 * @param jitter the jitter, from 0 to 1
	 * @return the new settings
	 */
	public RetrySettings withJitter(double jitter) {
		return new RetrySettings(this.maxAttempts, this.initialInterval, this.multiplier, this.maxInterval, jitter,
				this.maxRetryAfter);
	}

	/**
	 * Return a copy with the given longest {@code Retry-After} that is waited for.
	 * @param maxRetryAfter the longest wait, not negative
	 * @return the new settings
	 */
	public RetrySettings withMaxRetryAfter(Duration maxRetryAfter) {
		return new RetrySettings(this.maxAttempts, this.initialInterval, this.multiplier, this.maxInterval, this.jitter,
				maxRetryAfter);
	}

	private static void notNegative(String name, Duration duration) {
		Assert.isTrue(!duration.isNegative(), () -> name + " must not be negative, not " + duration);
	}

}
