package dev.cloudevents.spring.sample;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;

/**
 * The answer of {@code POST /api/send}.
 *
 * @param status the HTTP status the target answered with, or 202 (Accepted) for a Kafka
 * topic that acknowledged the record
 * @param reply the reply event in the JSON event format, or {@code null} if there was
 * none
 * @param problem the problem the target answered with, or {@code null} if it answered 2xx
 * or without an {@code application/problem+json} body
 */
record SendResult(int status, @JsonRawValue @Nullable String reply, @Nullable ProblemDetail problem) {

}
