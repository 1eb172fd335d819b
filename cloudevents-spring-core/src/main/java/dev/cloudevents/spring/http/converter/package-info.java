/**
 * An {@link org.springframework.http.converter.HttpMessageConverter} for CloudEvents, for
 * Spring MVC, {@code RestClient} and {@code RestTemplate}.
 */
@NullMarked
package dev.cloudevents.spring.http.converter;

import org.jspecify.annotations.NullMarked;
