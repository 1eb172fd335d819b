package dev.cloudevents.spring.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Decides whether a failed attempt to send an event is retried, and after how long, as
 * {@link RetrySettings} describes.
 */
final class RetryPolicy {

	private final int maxAttempts;

	private final Duration initialInterval;

	private final double multiplier;

	private final Duration maxInterval;

	private final double jitter;

	private final Duration maxRetryAfter;

	private final DoubleSupplier random;

	private final Clock clock;

	RetryPolicy(RetrySettings settings) {
		this(settings, () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC());
	}

	RetryPolicy(RetrySettings settings, DoubleSupplier random, Clock clock) {
		this.maxAttempts = settings.maxAttempts();
		this.initialInterval = settings.initialInterval();
		this.multiplier = settings.multiplier();
		this.maxInterval = settings.maxInterval();
		this.jitter = settings.jitter();
		this.maxRetryAfter = settings.maxRetryAfter();
		this.random = random;
		this.clock = clock;
	}

	Clock clock() {
		return this.clock;
	}

	/**
	 * Decide what follows a failed attempt.
	 * @param attempt the number of the failed attempt, from 1
	 * @param failure a {@link CloudEventDeliveryException} or a
	 * {@link CloudEventConnectionException}
	 * @return the wait before the next attempt, or why there is none
	 */
	Decision decide(int attempt, RuntimeException failure) {
		Duration retryAfter = null;
		if (failure instanceof CloudEventDeliveryException delivery) {
			HttpStatusCode status = delivery.getStatusCode();
			if (status.value() == HttpStatus.GONE.value()) {
				return Decision.stop("not retried: 410 Gone means the target is retired and events must "
						+ "no longer be sent to it (CloudEvents HTTP webhook specification)");
			}
			if (!status.is5xxServerError() && status.value() != HttpStatus.TOO_MANY_REQUESTS.value()) {
				return Decision.stop(null);
			}
			retryAfter = retryAfter(delivery.getHeaders());
			if (retryAfter != null && retryAfter.compareTo(this.maxRetryAfter) > 0) {
				return Decision.stop("not retried: the target asked to wait " + retryAfter.toSeconds()
						+ "s (Retry-After), longer than cloudevents.http.retry.max-retry-after ("
						+ this.maxRetryAfter.toMillis() + "ms)");
			}
		}
		if (attempt >= this.maxAttempts) {
			return Decision.stop(null);
		}
		return Decision.retry((retryAfter != null) ? retryAfter : backoff(attempt));
	}

	/**
	 * Return the wait after the given failed attempt: the initial interval multiplied for
	 * each further attempt, spread by the jitter and capped at the max interval.
	 */
	Duration backoff(int attempt) {
		double max = this.maxInterval.toNanos();
		double nanos = Math.min(this.initialInterval.toNanos() * Math.pow(this.multiplier, attempt - 1), max);
		double spread = 1.0 + this.jitter * (2.0 * this.random.getAsDouble() - 1.0);
		return Duration.ofNanos((long) Math.min(nanos * spread, max));
	}

	/**
	 * Return the wait that a {@code Retry-After} header asks for, in delta-seconds or as
	 * an HTTP-date; {@code null} if there is none or it cannot be read.
	 */
	@Nullable Duration retryAfter(HttpHeaders headers) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		value = value.trim();
		if (value.chars().allMatch(Character::isDigit)) {
			try {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			catch (NumberFormatException ex) {
				// more digits than a long holds: longer than any max-retry-after
				return Duration.ofSeconds(Long.MAX_VALUE);
			}
		}
		try {
			Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(this.clock.instant(), until);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			// an unreadable Retry-After falls back to the backoff
			return null;
		}
	}

	/**
	 * What follows a failed attempt.
	 *
	 * @param delay the wait before the next attempt, or {@code null} for none
	 * @param reason why there is no next attempt although attempts remain, or
	 * {@code null}
	 */
	record Decision(@Nullable Duration delay, @Nullable String reason) {

		static Decision retry(Duration delay) {
			return new Decision(delay, null);
		}

		static Decision stop(@Nullable String reason) {
			return new Decision(null, reason);
		}

	}

}
