package dev.cloudevents.spring.sample;

import dev.cloudevents.spring.ContentMode;

/**
 * How an event travelled over HTTP or Kafka: a content mode of a single event, or within
 * an HTTP batch.
 */
public enum Delivery {

	/**
	 * One event, attributes in headers ({@code ce-*} over HTTP, {@code ce_*} on Kafka).
	 */
	BINARY,

	/** One event in the JSON event format. */
	STRUCTURED,

	/** One event of a JSON batch. */
	BATCH;

	static Delivery of(ContentMode mode) {
		return (mode == ContentMode.BINARY) ? BINARY : STRUCTURED;
	}

}
