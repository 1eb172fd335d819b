package dev.cloudevents.spring.support;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.validation.DataBinder;
import org.springframework.validation.annotation.ValidationAnnotationUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Reads the data of an event as the type of a {@link CloudEventData @CloudEventData}
 * parameter, for the Spring MVC and WebFlux argument resolvers, not for applications.
 *
 * @since 0.1.0
 */
public final class CloudEventDataReader {

	private final JsonEventFormat format;

	/**
	 * Create a reader that reads data with the given format's mapper.
	 * @param format the application's format
	 */
	public CloudEventDataReader(JsonEventFormat format) {
		this.format = format;
	}

	/**
	 * Return whether a parameter is annotated with {@link CloudEventData}.
	 * @param parameter the parameter
	 * @return whether the parameter binds event data
	 */
	public static boolean isDataParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(CloudEventData.class);
	}

	/**
	 * Return the data of an event as the type of a parameter, wrapped in an
	 * {@link Optional} when the parameter is one.
	 * @param event the event
	 * @param parameter the parameter
	 * @return the argument, {@code null} for an event without data and a nullable
	 * parameter
	 * @throws CloudEventRequestException (400) if the data cannot be read as the
	 * parameter type, or the event has none and the parameter is required
	 */
	public @Nullable Object read(CloudEvent event, MethodParameter parameter) {
		MethodParameter target = parameter.nestedIfOptional();
		Type type = target.getNestedGenericParameterType();
		Object value = read(event, target.getNestedParameterType(), type);
		if (parameter.getParameterType() == Optional.class) {
			return Optional.ofNullable(value);
		}
		if (value == null && !parameter.isOptional()) {
			throw CloudEventRequestException.missingData(ResolvableType.forType(type).toString());
		}
		return value;
	}

	/**
	 * Validate a data argument as {@code @RequestBody} does when the parameter is
	 * annotated with {@code @Valid} or {@code @Validated}.
	 * @param binder a binder for the argument, from the web stack's binder factory
	 * @param parameter the parameter
	 * @throws CloudEventRequestException (400) naming each invalid field
	 */
	public static void validate(DataBinder binder, MethodParameter parameter) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
			if (hints != null) {
				binder.validate(hints);
				if (binder.getBindingResult().hasErrors()) {
					throw CloudEventRequestException.invalidData(binder.getBindingResult());
				}
				return;
			}
		}
	}

	/**
	 * Return whether a data argument is to be validated.
	 * @param parameter the parameter
	 * @return whether it is annotated with {@code @Valid} or {@code @Validated}
	 */
	public static boolean isValidated(MethodParameter parameter) {
		for (Annotation annotation : parameter.getParameterAnnotations()) {
			if (ValidationAnnotationUtils.determineValidationHints(annotation) != null) {
				return true;
			}
		}
		return false;
	}

	private @Nullable Object read(CloudEvent event, Class<?> rawType, Type type) {
		try {
			return this.format.dataAs(event, (rawType == byte[].class || rawType == String.class) ? rawType : type);
		}
		catch (InvalidCloudEventException ex) {
			String reason = (ex.getCause() instanceof JacksonException jackson)
					? reason(jackson, event.dataContentType()) : String.valueOf(ex.getMessage());
			throw CloudEventRequestException.unreadableData(ResolvableType.forType(type).toString(), reason, ex);
		}
	}

	/**
	 * Say why the mapper failed from what its exception knows (where, which JSON token,
	 * which target type), never from its message, which quotes the data.
	 */
	private static String reason(JacksonException ex, @Nullable String contentType) {
		if (contentType != null && !JsonEventFormat.isJsonContentType(contentType)) {
			return "its datacontenttype '" + contentType
					+ "' is not JSON (a String or byte[] parameter takes any data)";
		}
		String where = where(ex);
		if (ex instanceof UnrecognizedPropertyException unknown) {
			return where + " is not a property of " + unknown.getReferringClass().getSimpleName();
		}
		if (ex instanceof MismatchedInputException mismatch) {
			JsonToken token = mismatch.getCurrentToken();
			if (token == null || token == JsonToken.END_OBJECT) {
				return where + " is missing";
			}
			Class<?> target = mismatch.getTargetType();
			return where + " is " + describe(token)
					+ ((target != null) ? ", which does not read as " + target.getSimpleName() : "");
		}
		if (ex instanceof InputCoercionException coercion) {
			return where + " is a number out of the range of " + coercion.getTargetType().getSimpleName();
		}
		if (ex instanceof StreamReadException) {
			TokenStreamLocation location = ex.getLocation();
			return "the data is not valid JSON" + ((location != null)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "");
		}
		return where + " cannot be read (" + ex.getClass().getSimpleName() + ")";
	}

	private static String where(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "the data" : "field '" + path + "'";
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_OBJECT -> "an object";
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

}
