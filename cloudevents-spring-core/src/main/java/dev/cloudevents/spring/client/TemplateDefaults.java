package dev.cloudevents.spring.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;

/**
 * Builds the events that the templates send to the configured sink.
 */
final class TemplateDefaults {

	private TemplateDefaults() {
	}

	static URI requireSink(@Nullable URI sink) {
		if (sink == null) {
			throw new IllegalStateException(
					"No CloudEvents sink configured: set 'cloudevents.http.sink' (for example to ${K_SINK:}) "
							+ "or send to an explicit target");
		}
		return sink;
	}

	static URI requireSource(@Nullable URI source) {
		if (source == null) {
			throw new IllegalStateException(
					"No CloudEvents source configured: set 'cloudevents.source' or the template's source");
		}
		return source;
	}

	static CloudEvent event(URI source, String type, @Nullable Object data) {
		return CloudEvent.builder().source(source).type(type).data(data).build();
	}

}
