package dev.cloudevents.spring.sample;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/send}; every part is checked by {@link SendController}.
 *
 * @param target the URL to send the event to, or {@code kafka:<topic>}
 * @param mode {@code binary} or {@code structured}
 * @param event the event in the JSON event format; an omitted or empty {@code id} means
 * "generate one"
 */
record SendRequest(@Nullable String target, @Nullable String mode, @Nullable JsonNode event) {

}
