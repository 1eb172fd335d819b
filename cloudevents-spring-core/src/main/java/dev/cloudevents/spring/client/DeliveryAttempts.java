package dev.cloudevents.spring.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.client.RetryPolicy.Decision;

/**
 * The attempts of one send: times each, records what it got, asks the retry policy what
 * follows and, when the template gives up, turns the last failure into the exception that
 * lists them all.
 */
final class DeliveryAttempts {

	private final RetryPolicy retryPolicy;

	private final List<DeliveryAttempt> attempts = new ArrayList<>();

	private Instant start = Instant.EPOCH;

	DeliveryAttempts(RetryPolicy retryPolicy) {
		this.retryPolicy = retryPolicy;
	}

	void start() {
		this.start = this.retryPolicy.clock().instant();
	}

	/**
	 * Record a failed attempt and decide what follows it.
	 * @param failure a {@link CloudEventDeliveryException} or a
	 * {@link CloudEventConnectionException}
	 */
	Decision failed(RuntimeException failure) {
		int number = this.attempts.size() + 1;
		Duration duration = Duration.between(this.start, this.retryPolicy.clock().instant());
		if (failure instanceof CloudEventDeliveryException delivery) {
			this.attempts.add(new DeliveryAttempt(number, this.start, duration, delivery.getStatusCode(), null));
		}
		else {
			this.attempts.add(new DeliveryAttempt(number, this.start, duration, null, failure.getCause()));
		}
		return this.retryPolicy.decide(number, failure);
	}

	DeliveryAttempt last() {
		return this.attempts.get(this.attempts.size() - 1);
	}

	RuntimeException giveUp(RuntimeException failure, @Nullable String reason) {
		if (failure instanceof CloudEventDeliveryException delivery) {
			return delivery.withAttempts(this.attempts, reason);
		}
		return ((CloudEventConnectionException) failure).withAttempts(this.attempts, reason);
	}

	static boolean isRetryable(Throwable failure) {
		return failure instanceof CloudEventDeliveryException || failure instanceof CloudEventConnectionException;
	}

	static void appendAttempts(StringBuilder message, List<DeliveryAttempt> attempts) {
		if (attempts.size() > 1) {
			message.append(" after ")
				.append(attempts.size())
				.append(" attempts (")
				.append(attempts.stream().map(DeliveryAttempt::outcome).collect(Collectors.joining(", ")))
				.append(")");
		}
	}

	static void appendReason(StringBuilder message, @Nullable String reason) {
		if (reason != null) {
			message.append("; ").append(reason);
		}
	}

}
