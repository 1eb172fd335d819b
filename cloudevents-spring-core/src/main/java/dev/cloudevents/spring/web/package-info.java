/**
 * The error responses of the Spring MVC and WebFlux adapters for requests that carry no
 * CloudEvent the application can accept.
 */
@NullMarked
package dev.cloudevents.spring.web;

import org.jspecify.annotations.NullMarked;
