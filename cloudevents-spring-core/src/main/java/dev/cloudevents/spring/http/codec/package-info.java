/**
 * Reactive {@link org.springframework.http.codec.HttpMessageReader} and
 * {@link org.springframework.http.codec.HttpMessageWriter} for CloudEvents, for WebFlux
 * and {@code WebClient}.
 */
@NullMarked
package dev.cloudevents.spring.http.codec;

import org.jspecify.annotations.NullMarked;
