package dev.cloudevents.spring.client;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;

/**
 * One attempt of a template to send an event: when it started and what it got, either an
 * HTTP status or the failure that kept it from getting one. Carried by
 * {@link CloudEventDeliveryException#getAttempts()} and
 * {@link CloudEventConnectionException#getAttempts()}.
 *
 * @param number the number of the attempt, from 1
 * @param time when the attempt started
 * @param status the status the target answered with, or {@code null} if it did not answer
 * @param failure why the target did not answer, such as a refused connection or a
 * timeout, or {@code null} if it answered
 * @since 0.1.0
 */
public record DeliveryAttempt(int number, Instant time, @Nullable HttpStatusCode status, @Nullable Throwable failure) {

	/**
	 * Describe what the attempt got, such as {@code 503}, {@code connection refused} or
	 * {@code timed out}.
	 * @return the outcome in a few words
	 */
	public String outcome() {
		if (this.status != null) {
			return String.valueOf(this.status.value());
		}
		return (this.failure != null) ? describe(this.failure) : "no answer";
	}

	private static String describe(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex.getClass().getSimpleName().contains("Timeout")) {
				return "timed out";
			}
			if (ex instanceof ConnectException) {
				String message = String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT);
				return message.contains("refused") ? "connection refused" : "connection failed";
			}
			if (ex instanceof UnknownHostException) {
				return "unknown host";
			}
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

}
