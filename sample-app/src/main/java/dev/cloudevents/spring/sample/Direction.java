package dev.cloudevents.spring.sample;

/**
 * Which way an event went through the player.
 */
public enum Direction {

	/**
	 * Posted to the player at {@code POST /}, or read from {@code player.kafka.topic}.
	 */
	RECEIVED,

	/** Sent by the player through {@code POST /api/send}, over HTTP or to Kafka. */
	SENT,

	/** The reply event a target answered a sent event with. */
	REPLY

}
