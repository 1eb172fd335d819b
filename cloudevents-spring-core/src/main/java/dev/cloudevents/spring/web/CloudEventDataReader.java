package dev.cloudevents.spring.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.validation.DataBinder;
import org.springframework.validation.annotation.ValidationAnnotationUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * Reads the data of an event as the type of a {@link CloudEventData @CloudEventData}
 * parameter, for the Spring MVC and WebFlux argument resolvers.
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
			throw CloudEventRequestException.unreadableData(ResolvableType.forType(type).toString(), null);
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
			throw CloudEventRequestException.unreadableData(ResolvableType.forType(type).toString(), ex);
		}
	}

}
