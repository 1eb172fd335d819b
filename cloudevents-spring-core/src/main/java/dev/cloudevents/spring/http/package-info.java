/**
 * The CloudEvents HTTP protocol binding, framework-free: binary, structured and batched
 * content modes over Spring's {@link org.springframework.http.HttpHeaders}.
 */
@NullMarked
package dev.cloudevents.spring.http;

import org.jspecify.annotations.NullMarked;
