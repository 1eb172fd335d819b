package dev.cloudevents.spring;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an event, or a message meant to carry one, breaks a rule of the CloudEvents
 * specification. The message names the attribute (when there is one) and the rule.
 *
 * @since 0.1.0
 */
public class InvalidCloudEventException extends IllegalArgumentException {

	/** The attribute that is invalid, if one is. */
	private final @Nullable String attribute;

	/**
	 * Create an exception about one attribute.
	 * @param attribute the attribute name, such as {@code "source"}
	 * @param problem what is wrong with it, such as {@code "is required"}
	 */
	public InvalidCloudEventException(String attribute, String problem) {
		super("Attribute '" + attribute + "' " + problem);
		this.attribute = attribute;
	}

	/**
	 * Create an exception about one attribute, with a cause.
	 * @param attribute the attribute name
	 * @param problem what is wrong with it
	 * @param cause the underlying failure
	 */
	public InvalidCloudEventException(String attribute, String problem, @Nullable Throwable cause) {
		super("Attribute '" + attribute + "' " + problem, cause);
		this.attribute = attribute;
	}

	/**
	 * Create an exception about the message as a whole.
	 * @param message what is wrong
	 * @param cause the underlying failure, if any
	 */
	public InvalidCloudEventException(String message, @Nullable Throwable cause) {
		super(message, cause);
		this.attribute = null;
	}

	/**
	 * Create an exception about the message as a whole.
	 * @param message what is wrong
	 */
	public InvalidCloudEventException(String message) {
		this(message, (Throwable) null);
	}

	/**
	 * Return the name of the offending attribute, or {@code null} when the problem is not
	 * about one attribute (malformed JSON, for example).
	 * @return the attribute name, or {@code null}
	 */
	public @Nullable String getAttribute() {
		return this.attribute;
	}

}
