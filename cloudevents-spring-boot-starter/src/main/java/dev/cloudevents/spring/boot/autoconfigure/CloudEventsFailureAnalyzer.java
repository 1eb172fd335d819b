package dev.cloudevents.spring.boot.autoconfigure;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.EventLimits;

/**
 * Explains an invalid {@code cloudevents.*} property with the values it accepts; ahead of
 * Boot's generic binding analysis, which does not know what a sink is.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class CloudEventsFailureAnalyzer extends AbstractFailureAnalyzer<BindException> {

	private static final String CONTENT_MODE = "cloudevents.http.content-mode";

	private static final String SINK = "cloudevents.http.sink";

	private static final String SOURCE = "cloudevents.source";

	private static final String MAX_BODY_SIZE = "cloudevents.http.max-body-size";

	private static final String RETRY = "cloudevents.http.retry.";

	private static final String MAX_BATCH_SIZE = "cloudevents.http.max-batch-size";

	private static final String MAX_EXTENSIONS = "cloudevents.http.max-extensions";

	private static final String JSON_LIMITS = "cloudevents.http.json.";

	private static final String ALLOWED_RATE = "cloudevents.webhook.allowed-rate";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, BindException cause) {
		ConfigurationProperty property = cause.getProperty();
		if (property == null) {
			return null;
		}
		String action = action(property.getName().toString());
		if (action == null) {
			return null;
		}
		String description = String.format("Invalid value '%s' for property '%s'%s.", property.getValue(),
				property.getName(), (property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "");
		return new FailureAnalysis(description, action, cause);
	}

	private static @Nullable String action(String name) {
		return switch (name) {
			case CONTENT_MODE -> "Set '" + CONTENT_MODE + "' to one of: " + contentModes() + ".";
			case SINK -> "Set '" + SINK + "' to an absolute http or https URI, such as http://broker.example/events, "
					+ "or to ${K_SINK:} in Knative, or leave it empty for no sink.";
			case SOURCE -> "Set '" + SOURCE + "' to a URI reference, such as https://example.com/orders or "
					+ "/orders, or remove it to use \"/\" followed by spring.application.name.";
			case MAX_BODY_SIZE -> "Set '" + MAX_BODY_SIZE + "' to a data size, such as 512KB or 1MB.";
			case "cloudevents.http.connect-timeout", "cloudevents.http.read-timeout" ->
				"Set '" + name + "' to a positive duration, such as 5s or 500ms, or remove it.";
			case RETRY + "max-attempts" -> "Set '" + name + "' to 1 or more; 1 turns retries off.";
			case RETRY + "multiplier" -> "Set '" + name + "' to 1.0 or more, such as 2.0.";
			case RETRY + "jitter" -> "Set '" + name + "' to a number from 0 (no jitter) to 1, such as 0.5.";
			case RETRY + "initial-interval", RETRY + "max-interval", RETRY + "max-retry-after" ->
				"Set '" + name + "' to a duration that is not negative, such as 200ms or 5s.";
			case MAX_BATCH_SIZE -> "Set '" + MAX_BATCH_SIZE + "' to a number of events of at least 1, such as "
					+ EventLimits.DEFAULT_MAX_BATCH_SIZE + ".";
			case MAX_EXTENSIONS -> "Set '" + MAX_EXTENSIONS + "' to a number of extension attributes of at least 0, "
					+ "such as " + EventLimits.DEFAULT_MAX_EXTENSIONS + ".";
			case ALLOWED_RATE -> "Set '" + ALLOWED_RATE + "' to a number of requests per minute greater than zero, "
					+ "or remove it for no limit.";
			default -> name.startsWith(JSON_LIMITS) ? "Set '" + name + "' to a whole number of at least 1; the "
					+ "defaults are max-nesting-depth " + EventLimits.DEFAULT_MAX_NESTING_DEPTH + ", max-string-length "
					+ EventLimits.DEFAULT_MAX_STRING_LENGTH + " and max-number-length "
					+ EventLimits.DEFAULT_MAX_NUMBER_LENGTH + "." : null;
		};
	}

	private static String contentModes() {
		return Arrays.stream(ContentMode.values())
			.map((mode) -> mode.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

}
