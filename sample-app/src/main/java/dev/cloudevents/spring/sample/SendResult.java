package dev.cloudevents.spring.sample;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * The answer of {@code POST /api/send}.
 *
 * @param status the HTTP status the target answered with
 * @param reply the reply event in the JSON event format, or {@code null} if there was
 * none
 * @author cloudevents-spring
 */
record SendResult(int status, @JsonRawValue @Nullable String reply) {

}
