package dev.cloudevents.spring.support;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * The decisions of the Spring MVC and WebFlux handler mappings that route events by
 * {@link dev.cloudevents.spring.annotation.CloudEventMapping @CloudEventMapping}, over
 * each stack's own {@code RequestMappingInfo} type: which methods are ambiguous at
 * start-up, and what to answer an event that no method takes. For those two handler
 * mappings, not for applications.
 *
 * @since 0.1.0
 */
public final class EventRouting {

	private EventRouting() {
	}

	/**
	 * Fail if two routed methods that share all other conditions could match one event
	 * equally: Spring would otherwise fail each such request.
	 * @param <I> the stack's {@code RequestMappingInfo}
	 * @param handlerMethods the handler methods by their mapping
	 * @param mappingOf the event mapping of a method's mapping, or {@code null} if it
	 * does not route events
	 * @param otherConditions the other conditions of a mapping, its methods and patterns
	 * first, which name it in the message
	 * @throws IllegalStateException naming both methods and the events they share
	 */
	public static <I> void assertUnambiguous(Map<I, HandlerMethod> handlerMethods,
			Function<I, @Nullable CloudEventMappingInfo> mappingOf, Function<I, List<Object>> otherConditions) {
		Map<List<Object>, Map<String, CloudEventMappingInfo>> byOtherConditions = new LinkedHashMap<>();
		handlerMethods.forEach((info, handlerMethod) -> {
			CloudEventMappingInfo mapping = mappingOf.apply(info);
			if (mapping != null) {
				byOtherConditions.computeIfAbsent(otherConditions.apply(info), (key) -> new LinkedHashMap<>())
					.put(handlerMethod.toString(), mapping);
			}
		});
		byOtherConditions
			.forEach((conditions, mappings) -> assertUnambiguous(conditions.get(0) + " " + conditions.get(1),
					List.copyOf(mappings.entrySet())));
	}

	private static void assertUnambiguous(String conditions, List<Map.Entry<String, CloudEventMappingInfo>> entries) {
		for (int i = 0; i < entries.size(); i++) {
			for (int j = i + 1; j < entries.size(); j++) {
				String events = entries.get(i).getValue().ambiguityWith(entries.get(j).getValue());
				if (events != null) {
					throw new IllegalStateException(
							"Ambiguous @CloudEventMapping on " + conditions + ": '" + entries.get(i).getKey()
									+ "' and '" + entries.get(j).getKey() + "' both match CloudEvents of " + events
									+ " equally; narrow one of them or merge them into one method");
				}
			}
		}
	}

	/**
	 * Decide how to answer a request that no handler method matched. When methods on its
	 * path route events, none takes its event and that alone failed them, it is answered
	 * with a {@link CloudEventRequestException}: 422 Unprocessable Content for an event
	 * of another type (with {@code eventType} and {@code acceptedTypes} properties: it is
	 * valid and in a supported format, but of a type this path does not process, which no
	 * retry changes; Knative's delivery contract retries 404, and the path does exist),
	 * 415 for a batch, as its events are not routed one by one, 400 for a request without
	 * a CloudEvent. Otherwise Spring reports on the request as usual.
	 * @param <I> the stack's {@code RequestMappingInfo}
	 * @param infos the mappings Spring considered
	 * @param routedOnPath the event mapping of a mapping that routes events on the
	 * request's path and method, or {@code null}
	 * @param otherConditionsMatch whether the request meets every other condition of a
	 * mapping (parameters, headers, consumes, produces, version)
	 * @param event the request's event, {@code null} for a batch or no event
	 * @param batch whether the request carries a batch
	 * @return the mappings for Spring to report on: all of them, or, when a method takes
	 * the event but another of its conditions failed, those that take it
	 * @throws CloudEventRequestException if the request failed only because no method on
	 * its path takes its event
	 */
	public static <I> Set<I> noMatch(Set<I> infos, Function<I, @Nullable CloudEventMappingInfo> routedOnPath,
			Predicate<I> otherConditionsMatch, Supplier<@Nullable CloudEvent> event, BooleanSupplier batch) {
		Map<I, CloudEventMappingInfo> onPath = new LinkedHashMap<>();
		for (I info : infos) {
			CloudEventMappingInfo mapping = routedOnPath.apply(info);
			if (mapping != null) {
				onPath.put(info, mapping);
			}
		}
		if (onPath.isEmpty()) {
			return infos;
		}
		CloudEvent read = event.get();
		Set<I> notTaking = new HashSet<>();
		boolean onlyEventMismatch = false;
		for (Map.Entry<I, CloudEventMappingInfo> entry : onPath.entrySet()) {
			if (read == null || entry.getValue().match(read) == null) {
				notTaking.add(entry.getKey());
				onlyEventMismatch |= otherConditionsMatch.test(entry.getKey());
			}
		}
		if (notTaking.size() < onPath.size()) {
			// a method takes the event but another condition of it failed: Spring tells
			// which, leaving out the methods that do not take the event
			Set<I> others = new HashSet<>(infos);
			others.removeAll(notTaking);
			return others;
		}
		if (!onlyEventMismatch) {
			return infos;
		}
		throw unrouted(read, batch.getAsBoolean(), onPath.values());
	}

	private static CloudEventRequestException unrouted(@Nullable CloudEvent event, boolean batch,
			Iterable<CloudEventMappingInfo> mappings) {
		Set<String> sorted = new TreeSet<>();
		boolean narrowed = false;
		for (CloudEventMappingInfo mapping : mappings) {
			sorted.addAll(mapping.types());
			narrowed |= mapping.namesSourceOrSpecVersion();
		}
		List<String> types = List.copyOf(sorted);
		if (event != null) {
			String what = narrowed ? "this CloudEvent (type '" + event.type() + "', source '" + event.source()
					+ "', specversion " + event.specVersion() + ")" : "CloudEvents of type '" + event.type() + "'";
			CloudEventRequestException result = new CloudEventRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
					CloudEventRequestException.UNROUTED_TYPE, "No handler for the CloudEvent type",
					"No handler method here takes " + what + "; the types taken here are " + types, null);
			result.getBody().setProperty("eventType", event.type());
			result.getBody().setProperty("acceptedTypes", types);
			return result;
		}
		if (batch) {
			CloudEventRequestException result = new CloudEventRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					CloudEventRequestException.UNSUPPORTED_FORMAT_TYPE, "Unsupported CloudEvent format",
					"A batch is not routed by event type: the handler methods here take single events of the types "
							+ types,
					null);
			result.getBody().setProperty("acceptedTypes", types);
			return result;
		}
		return CloudEventRequestException.of(new InvalidCloudEventException(CloudEvent.SPECVERSION,
				"is required: the request has neither a CloudEvents Content-Type nor a 'ce-specversion' header, "
						+ "and the handler methods here take CloudEvents of the types " + types));
	}

}
