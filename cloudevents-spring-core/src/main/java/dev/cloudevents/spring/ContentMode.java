package dev.cloudevents.spring;

/**
 * How a protocol binding carries an event.
 *
 * @since 0.1.0
 */
public enum ContentMode {

	/**
	 * Attributes travel as protocol headers (for HTTP, {@code ce-*} headers and
	 * {@code Content-Type}); the body is the event data, as it is.
	 */
	BINARY,

	/**
	 * The whole event is one body in an event format, such as
	 * {@code application/cloudevents+json}.
	 */
	STRUCTURED

}
