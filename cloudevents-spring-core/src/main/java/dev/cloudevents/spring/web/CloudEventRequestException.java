package dev.cloudevents.spring.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.server.ResponseStatusException;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.UnsupportedEventFormatException;

/**
 * Thrown on the server side when a request does not carry a CloudEvent the application
 * can accept: 400 for an invalid event or data that cannot be bound, 415 for an
 * unsupported event format, 413 for a body or batch over the configured limit, 403 for a
 * webhook delivery from an origin that is not allowed, 422 for an event that no handler
 * method routed by type takes. As an {@link org.springframework.web.ErrorResponse}, it
 * carries an RFC 9457 {@link org.springframework.http.ProblemDetail} whose {@code detail}
 * names the attribute and the rule (and whose {@code attribute} property names the
 * attribute, when there is one), never a stack trace.
 *
 * @since 0.1.0
 */
public class CloudEventRequestException extends ResponseStatusException {

	/** Problem type of an event that breaks a rule of the specification. */
	public static final URI INVALID_EVENT_TYPE = URI
		.create("https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md");

	/** Problem type of an event in a format or content type that is not supported. */
	public static final URI UNSUPPORTED_FORMAT_TYPE = URI.create(
			"https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/http-protocol-binding.md#3-http-message-mapping");

	/** Problem type of event data that cannot be read as the handler expects. */
	public static final URI UNREADABLE_DATA_TYPE = URI
		.create("https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md#event-data");

	/** Problem type of a webhook delivery from an origin that is not allowed. */
	public static final URI WEBHOOK_ORIGIN_TYPE = URI
		.create("https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/http-webhook.md#4-abuse-protection");

	/** Problem type of an event whose type no handler method on the path takes. */
	public static final URI UNROUTED_TYPE = URI
		.create("https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/spec.md#type");

	/**
	 * Create an exception; the static factories name the usual cases.
	 * @param status the status to answer with
	 * @param type the problem type, {@code about:blank} for none
	 * @param title the problem title, or {@code null} for the status phrase
	 * @param detail what is wrong, never the data itself
	 * @param cause the underlying failure, or {@code null}
	 */
	public CloudEventRequestException(HttpStatusCode status, URI type, @Nullable String title, String detail,
			@Nullable Throwable cause) {
		super(status, detail, cause);
		getBody().setType(type);
		if (title != null) {
			getBody().setTitle(title);
		}
	}

	/**
	 * Create the exception for an event that could not be read: 415 for an
	 * {@link UnsupportedEventFormatException}, 413 for a batch over
	 * {@link EventLimits.Limit#BATCH_SIZE}, 400 otherwise. A problem about one attribute
	 * names it in an {@code attribute} property, one about a limit in a {@code limit}
	 * property.
	 * @param ex the reason the event was rejected
	 * @return the exception
	 */
	public static CloudEventRequestException of(InvalidCloudEventException ex) {
		String detail = String.valueOf(ex.getMessage());
		CloudEventRequestException result;
		if (ex instanceof UnsupportedEventFormatException) {
			result = new CloudEventRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_FORMAT_TYPE,
					"Unsupported CloudEvent format", detail, ex);
		}
		else if (ex instanceof EventLimitExceededException exceeded
				&& exceeded.getLimit() == EventLimits.Limit.BATCH_SIZE) {
			result = new CloudEventRequestException(HttpStatus.CONTENT_TOO_LARGE, URI.create("about:blank"), null,
					detail, ex);
		}
		else {
			result = new CloudEventRequestException(HttpStatus.BAD_REQUEST, INVALID_EVENT_TYPE, "Invalid CloudEvent",
					detail, ex);
		}
		if (ex.getAttribute() != null) {
			result.getBody().setProperty("attribute", ex.getAttribute());
		}
		if (ex instanceof EventLimitExceededException exceeded) {
			result.getBody().setProperty("limit", exceeded.getLimit().key());
		}
		return result;
	}

	/**
	 * Create the exception for a body over the configured limit: 413.
	 * @param maxBytes the limit in bytes
	 * @return the exception
	 */
	public static CloudEventRequestException tooLarge(long maxBytes) {
		return new CloudEventRequestException(HttpStatus.CONTENT_TOO_LARGE, URI.create("about:blank"), null,
				"Body exceeds the limit of " + maxBytes + " bytes", null);
	}

	/**
	 * Create the exception for a webhook delivery whose {@code WebHook-Request-Origin} is
	 * not allowed: 403.
	 * @param origin the origin the request names
	 * @return the exception
	 * @see dev.cloudevents.spring.webhook.WebhookHandshake
	 */
	public static CloudEventRequestException originNotAllowed(String origin) {
		return new CloudEventRequestException(HttpStatus.FORBIDDEN, WEBHOOK_ORIGIN_TYPE, "Webhook origin not allowed",
				"Deliveries from the origin '" + origin + "' are not allowed", null);
	}

	/**
	 * Create the exception for event data that was read but is not valid, as a
	 * {@code @Valid} parameter requires: 400, with a detail and an {@code errors}
	 * property naming each field and what is wrong with it, without echoing the data.
	 * @param errors the validation errors
	 * @return the exception
	 */
	public static CloudEventRequestException invalidData(Errors errors) {
		List<Map<String, Object>> list = new ArrayList<>();
		StringBuilder detail = new StringBuilder("CloudEvent data is not valid: ");
		for (ObjectError error : errors.getAllErrors()) {
			String name = (error instanceof FieldError field) ? field.getField() : error.getObjectName();
			String message = String.valueOf(error.getDefaultMessage());
			if (!list.isEmpty()) {
				detail.append("; ");
			}
			detail.append(name).append(' ').append(message);
			list.add(Map.of("field", name, "message", message));
		}
		CloudEventRequestException result = new CloudEventRequestException(HttpStatus.BAD_REQUEST, UNREADABLE_DATA_TYPE,
				"Invalid CloudEvent data", detail.toString(), null);
		result.getBody().setProperty("errors", list);
		return result;
	}

	/**
	 * Create the exception for event data that cannot be bound to a handler method
	 * parameter: 400.
	 * @param parameterType the type of the parameter, as written in the source
	 * @param reason why, in words that do not repeat the data
	 * @param cause the mapper's failure
	 * @return the exception
	 */
	public static CloudEventRequestException unreadableData(String parameterType, String reason, Throwable cause) {
		return new CloudEventRequestException(HttpStatus.BAD_REQUEST, UNREADABLE_DATA_TYPE,
				"Unreadable CloudEvent data", "CloudEvent data cannot be read as " + parameterType + ": " + reason,
				cause);
	}

	/**
	 * Create the exception for an event without data for a required handler method
	 * parameter: 400.
	 * @param parameterType the type of the parameter, as written in the source
	 * @return the exception
	 */
	public static CloudEventRequestException missingData(String parameterType) {
		return new CloudEventRequestException(HttpStatus.BAD_REQUEST, UNREADABLE_DATA_TYPE,
				"Unreadable CloudEvent data", "CloudEvent has no data for a parameter of type " + parameterType, null);
	}

}
