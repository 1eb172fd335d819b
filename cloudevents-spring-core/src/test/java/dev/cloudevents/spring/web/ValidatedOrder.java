package dev.cloudevents.spring.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

/**
 * Typed event data with constraints, for {@code @Valid @CloudEventData} parameters.
 *
 * @param id the order id
 * @param quantity how many, at least one
 */
public record ValidatedOrder(@NotBlank String id, @Positive int quantity) {

}
