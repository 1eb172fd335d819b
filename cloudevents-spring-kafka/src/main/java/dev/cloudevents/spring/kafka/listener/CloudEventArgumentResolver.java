package dev.cloudevents.spring.kafka.listener;

import java.lang.reflect.Type;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * Resolves {@code CloudEvent}, {@code @CloudEventData} and, in batch listeners,
 * {@code List<CloudEvent>} parameters of {@code @KafkaListener} methods. Failures are
 * {@link MethodArgumentResolutionException}s, which Spring Kafka's error handlers do not
 * retry and pass on with their message: a dead-letter record's exception header then
 * names the header or attribute and the rule.
 */
final class CloudEventArgumentResolver implements HandlerMethodArgumentResolver {

	private final RecordEvents events;

	private final JsonEventFormat format;

	CloudEventArgumentResolver(RecordEvents events, JsonMapper jsonMapper) {
		this.events = events;
		this.format = new JsonEventFormat(jsonMapper);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CloudEvent.class
				|| parameter.hasParameterAnnotation(CloudEventData.class) || isEventList(parameter);
	}

	private static boolean isEventList(MethodParameter parameter) {
		return parameter.getParameterType() == List.class
				&& ResolvableType.forMethodParameter(parameter).getGeneric(0).resolve() == CloudEvent.class;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		if (isEventList(parameter)) {
			return this.events.readBatch(message, parameter);
		}
		CloudEvent event;
		try {
			event = this.events.read(message);
		}
		catch (InvalidCloudEventException ex) {
			throw new MethodArgumentResolutionException(message, parameter,
					"The record is not a valid CloudEvent: " + ex.getMessage(), ex);
		}
		return parameter.hasParameterAnnotation(CloudEventData.class) ? data(event, parameter, message) : event;
	}

	private @Nullable Object data(CloudEvent event, MethodParameter parameter, Message<?> message) {
		Type type = parameter.getGenericParameterType();
		if (!event.hasData()) {
			if (parameter.isOptional()) {
				return null;
			}
			throw new MethodArgumentResolutionException(message, parameter,
					"The CloudEvent id '" + event.id() + "' has no data");
		}
		try {
			// the application's mapper, as for HTTP
			return this.format.dataAs(event, type);
		}
		catch (InvalidCloudEventException ex) {
			throw new MethodArgumentResolutionException(message, parameter,
					"The data of CloudEvent id '" + event.id() + "' " + ex.getMessage(), ex);
		}
	}

}
