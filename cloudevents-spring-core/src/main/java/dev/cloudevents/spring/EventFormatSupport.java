package dev.cloudevents.spring;

import org.jspecify.annotations.Nullable;

/**
 * Base class of event formats, such as
 * {@link dev.cloudevents.spring.json.JsonEventFormat}, and of their readers and writers:
 * what a format (or a protocol binding's writer) needs from a {@link CloudEvent} beyond
 * the API applications use. Its members are protected, and not on {@code CloudEvent},
 * because Java has no friend packages: the value type's public API stays the event, its
 * builder and {@link CloudEvent#of}.
 * <p>
 * Applications use a format and never extend this class. Protocol bindings build events
 * with {@link dev.cloudevents.spring.json.JsonEventFormat#binaryModeBuilder()}.
 *
 * @since 0.1.0
 */
public abstract class EventFormatSupport {

	/**
	 * Create a format.
	 */
	protected EventFormatSupport() {
	}

	/**
	 * Start building an event that is exactly what is given: unlike
	 * {@link CloudEvent#builder()}, nothing is filled in, so a missing {@code id} or
	 * {@code specversion} is an error and a missing {@code time} stays missing.
	 * @return a new builder
	 */
	protected static CloudEvent.Builder strictBuilder() {
		return CloudEvent.strictBuilder();
	}

	/**
	 * Set the data of an event being built to bytes known to be exactly one JSON value in
	 * UTF-8, such as the slice of a document the format has just parsed. Encoders copy
	 * such data into the JSON format as it is, where bytes given to
	 * {@link CloudEvent.Builder#data(byte[])} are checked first, so that bytes that are
	 * not JSON cannot break the envelope. Unless a {@code datacontenttype} is set, it
	 * becomes {@code application/json}.
	 * @param builder the builder
	 * @param json the JSON value, kept as it is (not copied)
	 * @return the builder
	 */
	protected static CloudEvent.Builder jsonData(CloudEvent.Builder builder, byte[] json) {
		return builder.jsonData(json);
	}

	/**
	 * Return whether the data of an event is known to be exactly one JSON value, set with
	 * {@link #jsonData(CloudEvent.Builder, byte[])}.
	 * @param event the event
	 * @return whether the data bytes need no check before being embedded as JSON
	 */
	protected static boolean isJsonValueData(CloudEvent event) {
		return event.isJsonValueData();
	}

	/**
	 * Return the object the data of an event was given as to
	 * {@link CloudEvent.Builder#data(Object)}, which a format writes as JSON with its own
	 * mapper.
	 * @param event the event
	 * @return the data object, or {@code null} if the data is bytes or absent
	 */
	protected static @Nullable Object dataValue(CloudEvent event) {
		return event.dataValue();
	}

	/**
	 * Return whether a value of an event that a binary-mode HTTP header carries may need
	 * percent-encoding (section 3.1.3.2 of the HTTP binding): {@code false} when
	 * {@code id}, {@code source}, {@code type}, {@code subject}, {@code dataschema} and
	 * every String or URI extension are printable ASCII other than space, {@code "} and
	 * {@code %}, as the builder's checks of the values found. A binding can then write
	 * them as they are without looking at them again.
	 * @param event the event
	 * @return whether some header value may need percent-encoding
	 */
	protected static boolean mayNeedPercentEncoding(CloudEvent event) {
		return event.mayNeedPercentEncoding();
	}

}
