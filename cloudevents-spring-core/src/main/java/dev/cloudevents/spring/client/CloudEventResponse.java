package dev.cloudevents.spring.client;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

import dev.cloudevents.spring.CloudEvent;

/**
 * What a target answered to an event: its status, its headers and the event it replied
 * with, if any. Returned by {@link CloudEventTemplate#exchange} and
 * {@link ReactiveCloudEventTemplate#exchange}, whatever the status.
 *
 * @param status the status of the response
 * @param headers the headers of the response
 * @param event the reply event, in binary or structured mode, or {@code null} if the
 * response carries none
 * @author cloudevents-spring
 * @since 0.1.0
 */
public record CloudEventResponse(HttpStatusCode status, HttpHeaders headers, @Nullable CloudEvent event) {

}
