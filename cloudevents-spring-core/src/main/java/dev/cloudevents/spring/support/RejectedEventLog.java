package dev.cloudevents.spring.support;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Logs requests answered with a {@link CloudEventRequestException} at WARN, at most once
 * a minute per cause (the status, problem type and the attribute, limit or header it
 * names), with the escaped detail. Category {@code dev.cloudevents.spring.web}. For the
 * Spring MVC and WebFlux exception handlers, not for applications.
 *
 * @since 0.1.0
 */
public final class RejectedEventLog {

	private static final Log logger = LogFactory.getLog("dev.cloudevents.spring.web");

	private final RateLimitedLog log = new RateLimitedLog(logger);

	/**
	 * Log a rejected request, unless one with the same cause was logged within the
	 * minute.
	 * @param ex why it was rejected
	 * @param method the request's method
	 * @param path the request's path, as received
	 */
	public void rejected(CloudEventRequestException ex, String method, String path) {
		this.log.warn(cause(ex),
				() -> "Rejected a CloudEvent request " + EventLogging.escape(method) + " " + EventLogging.escape(path)
						+ " with " + ex.getStatusCode().value() + ": " + EventLogging.escape(ex.getBody().getDetail()));
	}

	private static String cause(CloudEventRequestException ex) {
		StringBuilder cause = new StringBuilder().append(ex.getStatusCode().value())
			.append(' ')
			.append(ex.getBody().getType());
		Map<String, @Nullable Object> properties = ex.getBody().getProperties();
		if (properties != null) {
			for (String name : new String[] { "attribute", "limit", "header" }) {
				Object value = properties.get(name);
				if (value != null) {
					cause.append(' ').append(name).append('=').append(value);
				}
			}
		}
		return cause.toString();
	}

}
