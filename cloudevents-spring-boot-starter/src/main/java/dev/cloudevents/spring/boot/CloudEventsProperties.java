package dev.cloudevents.spring.boot;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.ContentMode;

/**
 * Configuration properties for CloudEvents, under {@code cloudevents}.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
@ConfigurationProperties("cloudevents")
public class CloudEventsProperties {

	/**
	 * Source of the events that CloudEventTemplate builds. When not set, "/" followed by
	 * the value of "spring.application.name", or "/application" without one.
	 */
	private @Nullable URI source;

	private final Http http = new Http();

	public @Nullable URI getSource() {
		return this.source;
	}

	public void setSource(@Nullable URI source) {
		this.source = source;
	}

	public Http getHttp() {
		return this.http;
	}

	/**
	 * HTTP binding properties.
	 */
	public static class Http {

		/**
		 * Content mode of the events that the application sends: binary (attributes as
		 * ce- headers) or structured (the whole event as application/cloudevents+json).
		 */
		private ContentMode contentMode = ContentMode.BINARY;

		/**
		 * Absolute URI that CloudEventTemplate sends events to when no target is given,
		 * typically "${K_SINK:}", the variable that Knative's SinkBinding sets.
		 */
		private @Nullable URI sink;

		/**
		 * Maximum size of an event or batch body that the application accepts; larger
		 * requests are answered with 413.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(1);

		/**
		 * Connect timeout of the templates' clients. When not set,
		 * "spring.http.clients.connect-timeout" applies, or else 10s.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Read timeout of the templates' clients: how long an attempt waits for the
		 * response. When not set, "spring.http.clients.read-timeout" applies, or else
		 * 30s.
		 */
		private @Nullable Duration readTimeout;

		private final Retry retry = new Retry();

		public ContentMode getContentMode() {
			return this.contentMode;
		}

		public void setContentMode(ContentMode contentMode) {
			this.contentMode = contentMode;
		}

		public @Nullable URI getSink() {
			return this.sink;
		}

		public void setSink(@Nullable URI sink) {
			// "${K_SINK:}" outside Knative binds as an empty URI: no sink
			if (sink != null && sink.toString().isEmpty()) {
				this.sink = null;
				return;
			}
			if (sink != null && !sink.isAbsolute()) {
				throw new IllegalArgumentException("Sink '" + sink + "' is not an absolute URI");
			}
			this.sink = sink;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = Retry.positive("connect-timeout", connectTimeout);
		}

		public @Nullable Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(@Nullable Duration readTimeout) {
			this.readTimeout = Retry.positive("read-timeout", readTimeout);
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Retry properties of the templates: connection failures, 5xx and 429 answers are
	 * retried with exponential backoff; other 4xx answers, including 410 Gone, never are.
	 */
	public static class Retry {

		/**
		 * Maximum number of attempts to send an event, the first included; 1 disables
		 * retries.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the second attempt.
		 */
		private Duration initialInterval = Duration.ofMillis(200);

		/**
		 * Factor by which the wait grows after each further attempt.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts, jitter included.
		 */
		private Duration maxInterval = Duration.ofSeconds(5);

		/**
		 * Randomness of each wait, from 0 to 1: 0.5 spreads a wait of 1s between 0.5s and
		 * 1.5s, so that senders failing together do not retry together.
		 */
		private double jitter = 0.5;

		/**
		 * Longest Retry-After that the templates wait for; a target asking for a longer
		 * pause fails the send at once rather than holding the caller.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("max-attempts must be at least 1, not " + maxAttempts);
			}
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = notNegative("initial-interval", initialInterval);
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
				throw new IllegalArgumentException("multiplier must be at least 1.0, not " + multiplier);
			}
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = notNegative("max-interval", maxInterval);
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			if (!(jitter >= 0.0 && jitter <= 1.0)) {
				throw new IllegalArgumentException("jitter must be between 0 and 1, not " + jitter);
			}
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = notNegative("max-retry-after", maxRetryAfter);
		}

		private static Duration notNegative(String name, Duration duration) {
			if (duration.isNegative()) {
				throw new IllegalArgumentException(name + " must not be negative, not " + duration);
			}
			return duration;
		}

		private static @Nullable Duration positive(String name, @Nullable Duration duration) {
			if (duration != null && (duration.isNegative() || duration.isZero())) {
				throw new IllegalArgumentException(name + " must be positive, not " + duration);
			}
			return duration;
		}

	}

}
