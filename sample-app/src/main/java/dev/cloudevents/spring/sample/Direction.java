package dev.cloudevents.spring.sample;

/**
 * Which way an event went through the player.
 */
public enum Direction {

	/** Posted to the player at {@code POST /}. */
	RECEIVED,

	/** Sent by the player through {@code POST /api/send}. */
	SENT,

	/** The reply event a target answered a sent event with. */
	REPLY

}
