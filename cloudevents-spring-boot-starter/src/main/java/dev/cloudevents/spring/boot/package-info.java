/**
 * CloudEvents for Spring Boot: configuration properties and the templates that send
 * events.
 */
@NullMarked
package dev.cloudevents.spring.boot;

import org.jspecify.annotations.NullMarked;
