package dev.cloudevents.spring.sample;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;

/**
 * An event the player saw, with how it travelled.
 *
 * @param sequence position in the order the player saw events, from 1
 * @param direction whether the event was received, sent or a reply
 * @param event the event
 * @param delivery how the event travelled
 * @param headers the HTTP headers, or the Kafka record headers as UTF-8 text, the event
 * travelled with
 * @param kafka where the Kafka record of the event is, or {@code null} if it travelled
 * over HTTP
 * @param at when the player saw the event
 */
public record RecordedEvent(long sequence, Direction direction, CloudEvent event, Delivery delivery,
		HttpHeaders headers, @Nullable KafkaPosition kafka, Instant at) {

}
