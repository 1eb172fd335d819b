package dev.cloudevents.spring.kafka.listener;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.listener.adapter.ConsumerRecordMetadata;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.support.CloudEventMappingInfo;
import dev.cloudevents.spring.support.EventRouting;

/**
 * The {@code @KafkaHandler} methods of one class-level {@code @KafkaListener} by the
 * events their {@link CloudEventMapping @CloudEventMapping} names: it chooses the method
 * of an event by the rules of {@link CloudEventMappingInfo}, the default method
 * ({@code @KafkaHandler(isDefault = true)}) for an event no mapping matches.
 */
final class EventTypeRoutes {

	private final String listener;

	private final List<Route> routes;

	private final @Nullable InvocableHandlerMethod defaultHandler;

	private final List<String> acceptedTypes;

	private EventTypeRoutes(String listener, List<Route> routes, @Nullable InvocableHandlerMethod defaultHandler) {
		this.listener = listener;
		this.routes = routes;
		this.defaultHandler = defaultHandler;
		Set<String> types = new TreeSet<>();
		routes.forEach((route) -> types.addAll(List.of(Objects
			.requireNonNull(
					AnnotatedElementUtils.findMergedAnnotation(route.handler().getMethod(), CloudEventMapping.class))
			.type())));
		this.acceptedTypes = List.copyOf(types);
	}

	/**
	 * Return the mappings of the handler methods of a class-level listener, checked.
	 * @param bean the listener
	 * @param listenerClass its class
	 * @param methods its {@code @KafkaHandler} methods
	 * @param defaultMethod its default method
	 * @return the mapping of each mapped method, none if the class does not route by
	 * event type
	 * @throws IllegalStateException if the mappings are ambiguous, or a method would
	 * silently receive nothing
	 */
	static Map<Method, CloudEventMappingInfo> mappings(Object bean, Class<?> listenerClass, List<Method> methods,
			@Nullable Method defaultMethod) {
		Map<Method, CloudEventMappingInfo> mappings = new LinkedHashMap<>();
		for (Method method : methods) {
			CloudEventMappingInfo mapping = CloudEventMappingInfo.forMethod(method);
			if (mapping != null) {
				mappings.put(method, mapping);
			}
		}
		List<String> unannotated = new ArrayList<>();
		ReflectionUtils.doWithMethods(listenerClass, (method) -> unannotated.add(describe(method)),
				(method) -> AnnotatedElementUtils.hasAnnotation(method, CloudEventMapping.class)
						&& !AnnotatedElementUtils.hasAnnotation(method, KafkaHandler.class));
		if (!unannotated.isEmpty()) {
			throw new IllegalStateException("@CloudEventMapping on " + String.join(", ", unannotated)
					+ " takes effect only on a @KafkaHandler method of a class annotated with @KafkaListener: "
					+ "add @KafkaHandler");
		}
		if (mappings.isEmpty()) {
			return mappings;
		}
		for (Method method : methods) {
			if (!mappings.containsKey(method) && !method.equals(defaultMethod)) {
				throw new IllegalStateException("The @KafkaHandler method " + describe(method)
						+ " would receive no CloudEvent, since the other methods of its @KafkaListener class route "
						+ "events by type: add @CloudEventMapping to it, or make it the method for every other "
						+ "event with @KafkaHandler(isDefault = true)");
			}
		}
		List<String> replying = new ArrayList<>();
		methods.stream()
			.filter((method) -> AnnotatedElementUtils.hasAnnotation(method, SendTo.class))
			.forEach((method) -> replying.add(describe(method)));
		if (AnnotatedElementUtils.hasAnnotation(listenerClass, SendTo.class)) {
			replying.add(listenerClass.getName());
		}
		if (!replying.isEmpty()) {
			throw new IllegalStateException("@SendTo on " + String.join(", ", replying)
					+ " is not supported where @KafkaHandler methods route CloudEvents by type: send replies "
					+ "with a KafkaCloudEventTemplate");
		}
		// the web stacks' check, with the listener class in the place of a request
		// mapping
		Map<Method, HandlerMethod> handlerMethods = new LinkedHashMap<>();
		mappings.keySet().forEach((method) -> handlerMethods.put(method, new HandlerMethod(bean, method)));
		EventRouting.assertUnambiguous(handlerMethods, mappings::get,
				(method) -> List.of("@KafkaListener", listenerClass.getName()));
		return mappings;
	}

	static EventTypeRoutes of(Class<?> listenerClass, Map<Method, InvocableHandlerMethod> handlers,
			Map<Method, CloudEventMappingInfo> mappings, @Nullable Method defaultMethod) {
		List<Route> routes = new ArrayList<>();
		mappings.forEach((method, mapping) -> routes.add(new Route(mapping, handlers.get(method))));
		return new EventTypeRoutes(ClassUtils.getShortName(listenerClass), routes,
				(defaultMethod != null) ? handlers.get(defaultMethod) : null);
	}

	/**
	 * Choose the method of an event.
	 * @param event the event
	 * @return the most specific mapped method, or the default one
	 * @throws UnroutedCloudEventException if there is neither
	 */
	InvocableHandlerMethod handlerFor(CloudEvent event) throws UnroutedCloudEventException {
		Route best = null;
		CloudEventMappingInfo.Match bestMatch = null;
		for (Route route : this.routes) {
			CloudEventMappingInfo.Match match = route.mapping().match(event);
			if (match != null && (bestMatch == null || match.compareTo(bestMatch) < 0)) {
				best = route;
				bestMatch = match;
			}
		}
		if (best != null) {
			return best.handler();
		}
		if (this.defaultHandler != null) {
			return this.defaultHandler;
		}
		throw new UnroutedCloudEventException(this.listener, event.type(), this.acceptedTypes);
	}

	/**
	 * Return whether a method takes Spring Kafka's {@link ConsumerRecordMetadata}, which
	 * its invocation then provides.
	 */
	static boolean takesMetadata(InvocableHandlerMethod handler) {
		return Arrays.asList(handler.getMethod().getParameterTypes()).contains(ConsumerRecordMetadata.class);
	}

	List<InvocableHandlerMethod> handlers() {
		List<InvocableHandlerMethod> handlers = new ArrayList<>();
		this.routes.forEach((route) -> handlers.add(route.handler()));
		if (this.defaultHandler != null && !handlers.contains(this.defaultHandler)) {
			handlers.add(this.defaultHandler);
		}
		return handlers;
	}

	private static String describe(Method method) {
		return ClassUtils.getShortName(method.getDeclaringClass()) + "." + method.getName() + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

	private record Route(CloudEventMappingInfo mapping, InvocableHandlerMethod handler) {
	}

}
