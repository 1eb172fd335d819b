package dev.cloudevents.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a handler method parameter to the data of the CloudEvent the request carries, in
 * binary or structured content mode. {@code byte[]} receives the data as it is,
 * {@code String} the data decoded with the charset of {@code datacontenttype}, and any
 * other type (a record, a POJO, a {@code Map}, a {@code JsonNode}) the data read as JSON
 * with the application's {@code JsonMapper}. <pre class="code">
 * &#64;PostMapping("/orders")
 * void onOrder(&#64;CloudEventData Order order, CloudEvent event) { ... }
 * </pre> In WebFlux the parameter may also be a {@code Mono} of such a type. The event is
 * read once per request, however many parameters refer to it. Data that cannot be read as
 * the parameter type is answered with 400 Bad Request; an event without data as well,
 * unless the parameter is an {@code Optional} or nullable.
 *
 * @since 0.1.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CloudEventData {

}
