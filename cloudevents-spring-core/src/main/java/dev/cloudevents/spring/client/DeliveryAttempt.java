package dev.cloudevents.spring.client;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;

/**
 * One attempt of a template to send an event: when it started, how long it took and what
 * it got, either an HTTP status or the failure that kept it from getting one. Carried by
 * {@link CloudEventDeliveryException#getAttempts()} and
 * {@link CloudEventConnectionException#getAttempts()}.
 *
 * @param number the number of the attempt, from 1
 * @param time when the attempt started
 * @param duration how long the attempt took, until the answer or the failure
 * @param status the status the target answered with, or {@code null} if it did not answer
 * @param failure why the target did not answer, such as a refused connection or a
 * timeout, or {@code null} if it answered
 */
public record DeliveryAttempt(int number, Instant time, Duration duration, @Nullable HttpStatusCode status,
		@Nullable Throwable failure) {

	/**
	 * Describe what the attempt got: a status such as {@code 503}, or why there was none:
	 * {@code connection refused}, {@code unknown host}, {@code timed out after 300 ms},
	 * {@code connection failed} followed by the I/O error, or the error itself.
	 * @return the outcome in a few words
	 */
	public String outcome() {
		if (this.status != null) {
			return String.valueOf(this.status.value());
		}
		return (this.failure != null) ? describe(this.failure) : "no answer";
	}

	private String describe(Throwable failure) {
		if (find(failure, "Timeout") != null) {
			return "timed out after " + this.duration.toMillis() + " ms";
		}
		if (find(failure, UnknownHostException.class.getSimpleName()) != null
				|| find(failure, UnresolvedAddressException.class.getSimpleName()) != null) {
			return "unknown host";
		}
		String message = firstMessage(failure);
		if (message != null && message.toLowerCase(Locale.ROOT).contains("connection refused")) {
			return "connection refused";
		}
		if (find(failure, ConnectException.class.getSimpleName()) != null) {
			// the JDK's client says nothing more than this about a refused connection
			return (message != null) ? "connection failed: " + message : "connection refused";
		}
		return (message != null) ? message : failure.getClass().getSimpleName();
	}

	// by simple name, so that the Netty, Reactor and JDK variants of a failure match
	private static @Nullable Throwable find(Throwable failure, String simpleName) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
				if (type.getSimpleName().contains(simpleName)) {
					return ex;
				}
			}
		}
		return null;
	}

	private static @Nullable String firstMessage(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex.getMessage() != null && !ex.getMessage().isBlank()) {
				return ex.getMessage();
			}
		}
		return null;
	}

}
