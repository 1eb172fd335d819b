package dev.cloudevents.spring.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The attempts of one send: records what each got and, when the template gives up, turns
 * the last failure into the exception that lists them all.
 */
final class DeliveryAttempts {

	private final List<DeliveryAttempt> attempts = new ArrayList<>();

	/**
	 * Record a failed attempt.
	 * @return the number of the attempt, from 1
	 */
	int failed(Instant start, RuntimeException failure) {
		int number = this.attempts.size() + 1;
		if (failure instanceof CloudEventDeliveryException delivery) {
			this.attempts.add(new DeliveryAttempt(number, start, delivery.getStatusCode(), null));
		}
		else {
			this.attempts.add(new DeliveryAttempt(number, start, null, failure.getCause()));
		}
		return number;
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
