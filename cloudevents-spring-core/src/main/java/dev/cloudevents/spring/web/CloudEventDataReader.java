package dev.cloudevents.spring.web;

import java.lang.reflect.Type;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;

import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.CloudEvent;

/**
 * Reads the data of an event as the type of a {@link CloudEventData @CloudEventData}
 * parameter, for the Spring MVC and WebFlux argument resolvers.
 *
 * @since 0.1.0
 */
public final class CloudEventDataReader {

	private final JsonMapper jsonMapper;

	/**
	 * Create a reader that reads JSON data with the given mapper.
	 * @param jsonMapper the application's mapper
	 */
	public CloudEventDataReader(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
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

	private @Nullable Object read(CloudEvent event, Class<?> rawType, Type type) {
		byte[] data = event.data();
		if (data == null) {
			return null;
		}
		if (rawType == byte[].class) {
			return data;
		}
		if (rawType == String.class) {
			return new String(data, event.dataCharset());
		}
		try {
			return this.jsonMapper.readValue(data, this.jsonMapper.getTypeFactory().constructType(type));
		}
		catch (JacksonException ex) {
			throw CloudEventRequestException.unreadableData(ResolvableType.forType(type).toString(), ex);
		}
	}

}
