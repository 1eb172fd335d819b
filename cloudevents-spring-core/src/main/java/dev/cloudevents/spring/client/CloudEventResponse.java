package dev.cloudevents.spring.client;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import dev.cloudevents.spring.CloudEvent;

/**
 * What a target answered to an event: its status, its headers, and the event it replied
 * with or the problem it described, if any. Returned by
 * {@link CloudEventTemplate#exchange} and {@link ReactiveCloudEventTemplate#exchange},
 * whatever the status.
 *
 * @param status the status of the response
 * @param headers the headers of the response
 * @param event the reply event, in binary or structured mode, or {@code null} if the
 * response carries none
 * @param problem the RFC 9457 problem of a response other than 2xx whose body is
 * {@code application/problem+json}, or {@code null}
 * @since 0.1.0
 */
public record CloudEventResponse(HttpStatusCode status, HttpHeaders headers, @Nullable CloudEvent event,
		@Nullable ProblemDetail problem) {

}
