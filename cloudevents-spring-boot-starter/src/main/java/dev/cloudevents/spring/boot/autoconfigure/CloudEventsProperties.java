package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.client.RetrySettings;

/**
 * Configuration properties for CloudEvents, under {@code cloudevents}.
 */
@ConfigurationProperties("cloudevents")
public class CloudEventsProperties {

	/**
	 * Source of the events that CloudEventTemplate builds. When not set, "/" followed by
	 * the value of "spring.application.name", or "/application" without one.
	 */
	private @Nullable URI source;

	private final Http http = new Http();

	private final Webhook webhook = new Webhook();

	private final Tracing tracing = new Tracing();

	public @Nullable URI getSource() {
		return this.source;
	}

	public void setSource(@Nullable URI source) {
		this.source = source;
	}

	public Http getHttp() {
		return this.http;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Tracing getTracing() {
		return this.tracing;
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
		 * Absolute http or https URI that CloudEventTemplate sends events to when no
		 * target is given, typically "${K_SINK:}", the variable that Knative's
		 * SinkBinding sets.
		 */
		private @Nullable URI sink;

		/**
		 * Maximum size of an event or batch body that the application reads: larger
		 * requests are answered with 413, and longer replies fail the templates' send. A
		 * negative size means no limit.
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

		/**
		 * Maximum number of events in a batch that the application accepts; longer
		 * batches are answered with 413.
		 */
		private int maxBatchSize = 1000;

		/**
		 * Maximum number of extension attributes of an event that the application
		 * accepts; events with more are answered with 400.
		 */
		private int maxExtensions = 64;

		private final Json json = new Json();

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
			// "localhost:8081/orders" parses as an absolute URI of scheme "localhost"
			if (sink != null && (!sink.isAbsolute() || sink.getHost() == null
					|| !("http".equalsIgnoreCase(sink.getScheme()) || "https".equalsIgnoreCase(sink.getScheme())))) {
				throw new IllegalArgumentException("Sink '" + sink + "' is not an absolute http or https URI");
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

		public int getMaxBatchSize() {
			return this.maxBatchSize;
		}

		public void setMaxBatchSize(int maxBatchSize) {
			// EventLimits validates the range
			EventLimits.defaults().withMaxBatchSize(maxBatchSize);
			this.maxBatchSize = maxBatchSize;
		}

		public int getMaxExtensions() {
			return this.maxExtensions;
		}

		public void setMaxExtensions(int maxExtensions) {
			// EventLimits validates the range
			EventLimits.defaults().withMaxExtensions(maxExtensions);
			this.maxExtensions = maxExtensions;
		}

		public Json getJson() {
			return this.json;
		}

		/**
		 * Return the limits of the events the application receives.
		 * @return the limits
		 */
		public EventLimits toEventLimits() {
			return EventLimits.defaults()
				.withMaxBatchSize(this.maxBatchSize)
				.withMaxExtensions(this.maxExtensions)
				.withMaxNestingDepth(this.json.maxNestingDepth)
				.withMaxStringLength(this.json.maxStringLength)
				.withMaxNumberLength(this.json.maxNumberLength);
		}

	}

	/**
	 * Retry properties of the templates, as {@link RetrySettings} describes.
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
			RetrySettings.defaults().withMaxAttempts(maxAttempts);
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			RetrySettings.defaults().withInitialInterval(initialInterval);
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			RetrySettings.defaults().withMultiplier(multiplier);
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			RetrySettings.defaults().withMaxInterval(maxInterval);
			this.maxInterval = maxInterval;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			RetrySettings.defaults().withJitter(jitter);
			this.jitter = jitter;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			RetrySettings.defaults().withMaxRetryAfter(maxRetryAfter);
			this.maxRetryAfter = maxRetryAfter;
		}

		private static @Nullable Duration positive(String name, @Nullable Duration duration) {
			if (duration != null && (duration.isNegative() || duration.isZero())) {
				throw new IllegalArgumentException(name + " must be positive, not " + duration);
			}
			return duration;
		}

	}

	/**
	 * Read limits of events in the JSON format; an event over one is answered with 400.
	 */
	public static class Json {

		/**
		 * Maximum nesting depth of JSON objects and arrays, the event object and the
		 * batch array included.
		 */
		private int maxNestingDepth = 64;

		/**
		 * Maximum length, in characters, of a JSON string that is read: attribute values,
		 * string data and data_base64.
		 */
		private int maxStringLength = 5000000;

		/**
		 * Maximum length, in characters, of a JSON number anywhere in an event.
		 */
		private int maxNumberLength = 100;

		public int getMaxNestingDepth() {
			return this.maxNestingDepth;
		}

		public void setMaxNestingDepth(int maxNestingDepth) {
			// EventLimits validates the range
			EventLimits.defaults().withMaxNestingDepth(maxNestingDepth);
			this.maxNestingDepth = maxNestingDepth;
		}

		public int getMaxStringLength() {
			return this.maxStringLength;
		}

		public void setMaxStringLength(int maxStringLength) {
			// EventLimits validates the range
			EventLimits.defaults().withMaxStringLength(maxStringLength);
			this.maxStringLength = maxStringLength;
		}

		public int getMaxNumberLength() {
			return this.maxNumberLength;
		}

		public void setMaxNumberLength(int maxNumberLength) {
			// EventLimits validates the range
			EventLimits.defaults().withMaxNumberLength(maxNumberLength);
			this.maxNumberLength = maxNumberLength;
		}

	}

	/**
	 * Abuse protection of the CloudEvents HTTP webhook specification, for the handler
	 * methods that receive CloudEvents.
	 */
	public static class Webhook {

		/**
		 * Whether to answer the webhook validation handshake (OPTIONS with
		 * WebHook-Request-Origin) and refuse deliveries whose WebHook-Request-Origin is
		 * not allowed.
		 */
		private boolean enabled;

		/**
		 * Origins (DNS names of senders) that may deliver events, or "*" for all.
		 */
		private List<String> allowedOrigins = new ArrayList<>(List.of("*"));

		/**
		 * Requests per minute each sender may deliver. When not set, the rate is
		 * unlimited ("*").
		 */
		private @Nullable Integer allowedRate;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getAllowedOrigins() {
			return this.allowedOrigins;
		}

		public void setAllowedOrigins(List<String> allowedOrigins) {
			this.allowedOrigins = allowedOrigins;
		}

		public @Nullable Integer getAllowedRate() {
			return this.allowedRate;
		}

		public void setAllowedRate(@Nullable Integer allowedRate) {
			if (allowedRate != null && allowedRate <= 0) {
				throw new IllegalArgumentException("Allowed rate must be greater than zero");
			}
			this.allowedRate = allowedRate;
		}

	}

	/**
	 * Tracing of the events that the templates send.
	 */
	public static class Tracing {

		/**
		 * Whether to add the distributed-tracing extension (traceparent, tracestate) of
		 * the current trace to events sent without one; an event's own is never replaced.
		 */
		private boolean extension;

		public boolean isExtension() {
			return this.extension;
		}

		public void setExtension(boolean extension) {
			this.extension = extension;
		}

	}

}
