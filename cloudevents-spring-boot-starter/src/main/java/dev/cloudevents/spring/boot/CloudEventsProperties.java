package dev.cloudevents.spring.boot;

import java.net.URI;

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

	}

}
