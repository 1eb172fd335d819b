package dev.cloudevents.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.cloudevents.spring.SpecVersion;

/**
 * Routes CloudEvents to a handler method by their {@code type} and, optionally, their
 * {@code source} and {@code specversion}, in binary and structured content mode alike.
 * Put it next to {@code @PostMapping}; several methods on one path each receive the
 * events they name: <pre class="code">
 * &#64;PostMapping("/events") &#64;CloudEventMapping(type = "com.example.order.created")
 * void created(&#64;CloudEventData Order order) { ... }
 *
 * &#64;PostMapping("/events") &#64;CloudEventMapping(type = "com.example.order.*")
 * void otherOrderEvents(CloudEvent event) { ... }
 * </pre>
 * <ul>
 * <li>A type ending in {@code *} matches the types that start with what comes before
 * it.</li>
 * <li>The most specific mapping wins: an exact type over a prefix, a longer prefix over a
 * shorter one; for equal types, a mapping that names the source over one that does not,
 * then one that names the spec version over one that does not. Two mappings on the same
 * request mapping that could match one event equally fail the application's start-up,
 * naming both methods.</li>
 * <li>Spring's own conditions ({@code consumes}, {@code produces}, {@code params},
 * {@code headers}) are weighed first, as for any request mapping.</li>
 * <li>An event that no mapping on the path matches goes to a method on that path without
 * {@code @CloudEventMapping}, if there is one; otherwise it is answered with 422
 * Unprocessable Content and a problem detail that names the event's type and the types
 * the path accepts. A request that carries no CloudEvent is answered with 400, a batch
 * with 415: batches are not routed event by event, so receive them with a method that
 * takes {@code List<CloudEvent>} and has no {@code @CloudEventMapping}.</li>
 * </ul>
 * The event is read and decoded once, before the method is chosen, within the body limit
 * of the application; the chosen method receives that event as its {@code CloudEvent},
 * {@code Mono<CloudEvent>} and {@link CloudEventData @CloudEventData} parameters, which
 * therefore need no {@code @RequestBody} (a routed method with one fails the start-up).
 * <p>
 * Needs the request mapping of the CloudEvents starter, which it configures for Spring
 * MVC and WebFlux.
 * <p>
 * On a {@code @KafkaHandler} method of a class annotated with {@code @KafkaListener}, it
 * selects the method of each record's event by the same rules; the
 * {@code @KafkaHandler(isDefault = true)} method takes the events no mapping matches, and
 * without one such a record fails as not retryable (see
 * {@code CloudEventKafkaListenerAnnotationBeanPostProcessor} in the Kafka module).
 *
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CloudEventMapping {

	/**
	 * The event types this method receives; one ending in {@code *} is a prefix.
	 * @return the types
	 */
	String[] type();

	/**
	 * The sources this method receives events from, compared as written; none for any
	 * source.
	 * @return the sources
	 */
	String[] source() default {};

	/**
	 * The spec versions this method receives events of; none for any version.
	 * @return the spec versions
	 */
	SpecVersion[] specVersion() default {};

}
