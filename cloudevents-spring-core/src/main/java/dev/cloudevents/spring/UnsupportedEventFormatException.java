package dev.cloudevents.spring;

/**
 * Thrown when a message carries an event in a format, or with a content type, that this
 * library does not read, such as {@code application/cloudevents+avro}. Receivers answer
 * it with 415 Unsupported Media Type.
 *
 * @since 0.1.0
 */
public class UnsupportedEventFormatException extends InvalidCloudEventException {

	/**
	 * Create an exception for an unsupported format.
	 * @param message what is not supported
	 */
	public UnsupportedEventFormatException(String message) {
		super(message);
	}

}
