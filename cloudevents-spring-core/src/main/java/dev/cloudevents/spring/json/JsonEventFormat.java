package dev.cloudevents.spring.json;

import java.io.OutputStream;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * The CloudEvents JSON event format, for spec versions 1.0 and 0.3: single events
 * ({@value #CONTENT_TYPE}) and batches ({@value #BATCH_CONTENT_TYPE}). Reads and writes
 * with Jackson's streaming parser and generator; JSON data is copied as it is, never
 * parsed into a tree.
 * <p>
 * Instances are thread-safe.
 *
 * @author cloudevents-spring
 * @since 0.1.0
 */
public final class JsonEventFormat {

	/** Media type of a single event in the JSON format. */
	public static final String CONTENT_TYPE = "application/cloudevents+json";

	/** Media type of a batch of events in the JSON format. */
	public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

	/** {@link MediaType} of a single event in the JSON format. */
	public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(CONTENT_TYPE);

	/** {@link MediaType} of a batch of events in the JSON format. */
	public static final MediaType BATCH_MEDIA_TYPE = MediaType.parseMediaType(BATCH_CONTENT_TYPE);

	private final JsonMapper jsonMapper;

	/**
	 * Create a format that uses {@link JsonMapper#shared()} for data given as objects.
	 */
	public JsonEventFormat() {
		this(JsonMapper.shared());
	}

	/**
	 * Create a format that serializes data given as objects with the given mapper and
	 * reads with its stream-read constraints.
	 * @param jsonMapper the mapper
	 */
	public JsonEventFormat(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the mapper this format uses for data given as objects.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Write an event as JSON.
	 * @param event the event
	 * @return the UTF-8 JSON bytes
	 */
	public byte[] serialize(CloudEvent event) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Write an event as JSON to a stream, which is not closed.
	 * @param event the event
	 * @param out the stream
	 */
	public void serialize(CloudEvent event, OutputStream out) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Write a batch of events as a JSON array.
	 * @param events the events, all of one spec version
	 * @return the UTF-8 JSON bytes
	 */
	public byte[] serializeBatch(List<CloudEvent> events) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Write a batch of events as a JSON array to a stream, which is not closed.
	 * @param events the events, all of one spec version
	 * @param out the stream
	 */
	public void serializeBatch(List<CloudEvent> events, OutputStream out) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Read one event.
	 * @param json the UTF-8 JSON bytes
	 * @return the event
	 * @throws InvalidCloudEventException if the bytes are not a valid event
	 */
	public CloudEvent deserialize(byte[] json) {
		throw new UnsupportedOperationException("TODO");
	}

	/**
	 * Read a batch of events.
	 * @param json the UTF-8 JSON bytes of an array of events
	 * @return the events, possibly none
	 * @throws InvalidCloudEventException if the bytes are not a valid batch
	 */
	public List<CloudEvent> deserializeBatch(byte[] json) {
		throw new UnsupportedOperationException("TODO");
	}

}
