package dev.cloudevents.spring.webhook;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.method.HandlerMethod;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;

/**
 * Tells the handler methods that receive CloudEvents: those with a {@link CloudEvent},
 * {@code List<CloudEvent>}, {@code Mono<CloudEvent>} or {@code Flux<CloudEvent>} (any
 * single-type wrapper of events) or {@link CloudEventData @CloudEventData} parameter.
 */
final class CloudEventEndpoints {

	private CloudEventEndpoints() {
	}

	/**
	 * Return whether a handler method receives CloudEvents.
	 * @param handlerMethod the handler method
	 * @return whether one of its parameters is an event, events or event data
	 */
	static boolean receivesEvents(HandlerMethod handlerMethod) {
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(CloudEventData.class)
					|| isEvents(ResolvableType.forMethodParameter(parameter))) {
				return true;
			}
		}
		return false;
	}

	private static boolean isEvents(ResolvableType type) {
		if (type.toClass() == CloudEvent.class) {
			return true;
		}
		ResolvableType[] generics = type.getGenerics();
		return generics.length == 1 && generics[0].toClass() == CloudEvent.class;
	}

}
