/**
 * Support shared by the Spring MVC and WebFlux adapters: reading typed data and the error
 * responses for events that cannot be read.
 */
@NullMarked
package dev.cloudevents.spring.web;

import org.jspecify.annotations.NullMarked;
