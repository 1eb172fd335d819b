/**
 * Sending CloudEvents over HTTP:
 * {@link dev.cloudevents.spring.client.CloudEventTemplate},
 * {@link dev.cloudevents.spring.client.ReactiveCloudEventTemplate}, their retries and
 * their errors.
 */
@NullMarked
package dev.cloudevents.spring.client;

import org.jspecify.annotations.NullMarked;
