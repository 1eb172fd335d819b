/**
 * The abuse protection of the CloudEvents HTTP webhook specification: the validation
 * handshake and the allowed origins and rate, for Spring MVC and WebFlux.
 */
@NullMarked
package dev.cloudevents.spring.webhook;

import org.jspecify.annotations.NullMarked;
