package dev.cloudevents.spring.json;

import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.BufferRecycler;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventFormatSupport;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;

/**
 * The CloudEvents JSON event format, for spec versions 1.0 and 0.3: single events
 * ({@value #CONTENT_TYPE}) and batches ({@value #BATCH_CONTENT_TYPE}). Reads and writes
 * with Jackson's streaming parser and generator, and a plain single event (attribute
 * strings without escapes, strict JSON) in one pass of its own that accepts exactly what
 * the parser does; JSON data is copied as it is, never parsed into a tree.
 * <p>
 * Where the specification leaves a choice:
 * <ul>
 * <li>an event read with {@code data} and no {@code datacontenttype} gets
 * {@code application/json}, the type the spec implies, so that bindings re-encode it
 * faithfully;</li>
 * <li>{@code "data": null} means no data, and a {@code null} member next to
 * {@code data_base64} is no conflict;</li>
 * <li>data bytes whose {@code datacontenttype} says JSON but that are not one UTF-8 JSON
 * value are written in Base64 ({@code data_base64}, or {@code data} with
 * {@code "datacontentencoding": "base64"} in 0.3), which keeps them exactly;</li>
 * <li>extension values are strings, 32-bit integers or booleans: objects and arrays
 * (0.3's {@code Map}) are rejected;</li>
 * <li>a member that appears twice is rejected.</li>
 * </ul>
 * <p>
 * Reading enforces {@link EventLimits}: the batch size and number of extensions as it
 * goes, the nesting depth and the lengths of strings and numbers as Jackson's
 * {@link StreamReadConstraints} of a parser factory of its own, derived from the mapper's
 * so that the application's mapper is left as it is.
 * <p>
 * Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class JsonEventFormat extends EventFormatSupport {

	/** Media type of a single event in the JSON format. */
	public static final String CONTENT_TYPE = "application/cloudevents+json";

	/** Media type of a batch of events in the JSON format. */
	public static final String BATCH_CONTENT_TYPE = "application/cloudevents-batch+json";

	/** {@link MediaType} of a single event in the JSON format. */
	public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(CONTENT_TYPE);

	/** {@link MediaType} of a batch of events in the JSON format. */
	public static final MediaType BATCH_MEDIA_TYPE = MediaType.parseMediaType(BATCH_CONTENT_TYPE);

	private final JsonMapper jsonMapper;

	private final ObjectWriter writer;

	private final JsonEventWriter eventWriter;

	private final EventLimits limits;

	private final JsonFactory readFactory;

	private final boolean writesDirect;

	private final boolean readsPlain;

	// the parser limits names too, to less than strings by default
	private final int plainMaxStringLength;

	/**
	 * Create a format that uses {@link JsonMapper#shared()} for data given as objects and
	 * the {@linkplain EventLimits#defaults() default limits}.
	 */
	public JsonEventFormat() {
		this(JsonMapper.shared());
	}

	/**
	 * Create a format that serializes data given as objects with the given mapper and
	 * reads with the {@linkplain EventLimits#defaults() default limits}.
	 * @param jsonMapper the mapper
	 */
	public JsonEventFormat(JsonMapper jsonMapper) {
		this(jsonMapper, EventLimits.defaults());
	}

	/**
	 * Create a format that serializes data given as objects with the given mapper and
	 * reads with the given limits.
	 * @param jsonMapper the mapper
	 * @param limits the limits of the events read
	 */
	public JsonEventFormat(JsonMapper jsonMapper, EventLimits limits) {
		this.jsonMapper = jsonMapper;
		this.writer = jsonMapper.writer().without(StreamWriteFeature.AUTO_CLOSE_TARGET);
		this.eventWriter = new JsonEventWriter(jsonMapper);
		this.limits = limits;
		JsonFactory factory = jsonMapper.tokenStreamFactory();
		StreamReadConstraints constraints = factory.streamReadConstraints()
			.rebuild()
			.maxNestingDepth(limits.maxNestingDepth())
			.maxStringLength(limits.maxStringLength())
			.maxNumberLength(limits.maxNumberLength())
			.build();
		this.readFactory = factory.rebuild().streamReadConstraints(constraints).build();
		this.writesDirect = directWritingMatchesGenerator();
		this.readsPlain = plainReadingMatchesParser(this.readFactory);
		this.plainMaxStringLength = Math.min(limits.maxStringLength(),
				this.readFactory.streamReadConstraints().getMaxNameLength());
	}

	/**
	 * Return the mapper this format uses for data given as objects.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * Return the limits this format enforces when reading.
	 * @return the limits
	 */
	public EventLimits limits() {
		return this.limits;
	}

	/**
	 * Write an event as JSON.
	 * @param event the event
	 * @return the UTF-8 JSON bytes
	 * @throws InvalidCloudEventException if a 0.3 event has a {@code datacontentencoding}
	 * other than {@code base64}
	 */
	public byte[] serialize(CloudEvent event) {
		JsonEventWriter.Data data = this.eventWriter.data(event);
		if (this.writesDirect) {
			byte[] json = this.eventWriter.writeDirect(event, data);
			if (json != null) {
				return json;
			}
		}
		return serializeWithGenerator(event, data);
	}

	private byte[] serializeWithGenerator(CloudEvent event, JsonEventWriter.Data data) {
		SplicingOutput output = new SplicingOutput();
		try (JsonGenerator generator = this.writer.createGenerator(output)) {
			this.eventWriter.write(generator, event, data, output);
		}
		return output.toByteArray();
	}

	/**
	 * Whether {@link DirectEventWriter} writes what the mapper's generator writes: the
	 * same escapes, no indentation. A probe event with every kind of member and string
	 * tells.
	 */
	private boolean directWritingMatchesGenerator() {
		CloudEvent.Builder probe = strictBuilder().specVersion(SpecVersion.V1_0)
			.id("\"quoted\" \\ caf\u00e9 \u20ac \ud83d\ude00 \u2028 </a>")
			.source("https://example.com/a?b=c#d")
			.type("t")
			.subject("s")
			.time(OffsetDateTime.of(2025, 6, 1, 12, 34, 56, 789_000_000, ZoneOffset.ofHours(2)))
			.dataSchema(URI.create("https://example.com/schema"))
			.extension("text", "\u00e9/")
			.extension("number", -42)
			.extension("flag", true)
			.extension("uri", URI.create("urn:x"));
		CloudEvent event = jsonData(probe, "{\"a\":[1,2.5e3,\"x\"]}".getBytes(StandardCharsets.UTF_8)).build();
		JsonEventWriter.Data data = this.eventWriter.data(event);
		return Arrays.equals(this.eventWriter.writeDirect(event, data), serializeWithGenerator(event, data));
	}

	/**
	 * Whether reading plain documents without the parser accepts what the parser does:
	 * unless the parser checks more than strict JSON and the limits, which a plain
	 * document keeps to. Every relaxation (comments, say) the parser allows only makes
	 * documents that are not plain.
	 */
	private static boolean plainReadingMatchesParser(JsonFactory factory) {
		StreamReadConstraints constraints = factory.streamReadConstraints();
		return !factory.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION) && !constraints.hasMaxDocumentLength()
				&& !constraints.hasMaxTokenCount();
	}

	/**
	 * Write an event as JSON to a stream, which is not closed.
	 * @param event the event
	 * @param out the stream
	 * @throws InvalidCloudEventException if a 0.3 event has a {@code datacontentencoding}
	 * other than {@code base64}
	 */
	public void serialize(CloudEvent event, OutputStream out) {
		try (JsonGenerator generator = this.writer.createGenerator(out)) {
			this.eventWriter.write(generator, event, null);
		}
	}

	/**
	 * Write a batch of events as a JSON array.
	 * @param events the events, all of one spec version
	 * @return the UTF-8 JSON bytes
	 * @throws InvalidCloudEventException if the events are not all of one spec version
	 */
	public byte[] serializeBatch(List<CloudEvent> events) {
		BufferRecycler recycler = this.jsonMapper.tokenStreamFactory()._getBufferRecycler();
		try (ByteArrayBuilder buffer = new ByteArrayBuilder(recycler)) {
			serializeBatch(events, buffer);
			return buffer.getClearAndRelease();
		}
		finally {
			recycler.releaseToPool();
		}
	}

	/**
	 * Write a batch of events as a JSON array to a stream, which is not closed.
	 * @param events the events, all of one spec version
	 * @param out the stream
	 * @throws InvalidCloudEventException if the events are not all of one spec version
	 */
	public void serializeBatch(List<CloudEvent> events, OutputStream out) {
		try (JsonGenerator generator = this.writer.createGenerator(out)) {
			this.eventWriter.writeBatch(generator, events);
		}
	}

	/**
	 * Read one event.
	 * @param json the UTF-8 JSON bytes
	 * @return the event
	 * @throws EventLimitExceededException if the event goes over one of the
	 * {@linkplain #limits() limits}
	 * @throws InvalidCloudEventException if the bytes are not a valid event
	 */
	public CloudEvent deserialize(byte[] json) {
		if (this.readsPlain) {
			CloudEvent event = new JsonEventReader(json, null, this.limits).readPlain(this.plainMaxStringLength);
			if (event != null) {
				return event;
			}
		}
		return deserializeWithParser(json);
	}

	/**
	 * Read one event with the parser, as {@link #deserialize} does every document that is
	 * not plain.
	 */
	CloudEvent deserializeWithParser(byte[] json) {
		try (JsonParser parser = createParser(json)) {
			return new JsonEventReader(json, parser, this.limits).readSingle();
		}
		catch (JacksonException ex) {
			throw JsonEventReader.failure(ex, this.limits);
		}
	}

	/**
	 * Read a batch of events.
	 * @param json the UTF-8 JSON bytes of an array of events
	 * @return the events, possibly none
	 * @throws EventLimitExceededException if the batch or one of its events goes over one
	 * of the {@linkplain #limits() limits}
	 * @throws InvalidCloudEventException if the bytes are not a valid batch
	 */
	public List<CloudEvent> deserializeBatch(byte[] json) {
		try (JsonParser parser = createParser(json)) {
			return new JsonEventReader(json, parser, this.limits).readBatch();
		}
		catch (JacksonException ex) {
			throw JsonEventReader.failure(ex, this.limits);
		}
	}

	/**
	 * Start building an event received in binary mode, where a protocol binding reads the
	 * attributes from headers and the data from the body. Unlike
	 * {@link CloudEvent#builder()}, it fills nothing in, so that the received event is
	 * the event that was sent: a missing {@code id} or {@code specversion} is an error
	 * and a missing {@code time} stays missing. <pre class="code">
	 * CloudEvent.Builder builder = JsonEventFormat.binaryModeBuilder();
	 * headers.forEach((name, value) -&gt; builder.attribute(name, value)); // "specversion", "id", ...
	 * CloudEvent event = builder.data(contentType, body).build();
	 * </pre> Protocol bindings build on it (the HTTP and Kafka bindings of this project
	 * do) and read and write structured mode with a format instance and its
	 * {@link EventLimits}; applications build events with {@link CloudEvent#builder()}.
	 * @return a new builder that fills nothing in
	 */
	public static CloudEvent.Builder binaryModeBuilder() {
		return strictBuilder();
	}

	/**
	 * Return the data of an event as bytes: the bytes it holds, or the object given to
	 * {@link CloudEvent.Builder#data(Object)} written as JSON with this format's
	 * {@link JsonMapper}, the application's one in a Spring Boot application.
	 * @param event the event
	 * @return the data, or {@code null} if the event has none
	 */
	public byte @Nullable [] dataBytes(CloudEvent event) {
		Object value = dataValue(event);
		return (value != null) ? this.jsonMapper.writeValueAsBytes(value) : event.data();
	}

	/**
	 * Return the data of an event as the given type: the object given to the builder if
	 * it is one, {@code byte[]} as it is, {@code String} decoded with the charset of
	 * {@code datacontenttype} (UTF-8 by default), anything else read from JSON with this
	 * format's {@link JsonMapper}, the application's one in a Spring Boot application.
	 * @param <T> the target type
	 * @param event the event
	 * @param type the target type
	 * @return the data, or {@code null} if the event has none
	 * @throws InvalidCloudEventException if the data cannot be read as that type
	 */
	@SuppressWarnings("unchecked")
	public <T> @Nullable T dataAs(CloudEvent event, Class<T> type) {
		return (T) dataAs(event, (Type) type);
	}

	/**
	 * Return the data of an event as the given generic type, such as {@code List<Order>},
	 * as {@link #dataAs(CloudEvent, Class)} does.
	 * @param event the event
	 * @param type the target type
	 * @return the data, or {@code null} if the event has none
	 * @throws InvalidCloudEventException if the data cannot be read as that type
	 */
	public @Nullable Object dataAs(CloudEvent event, Type type) {
		Object value = dataValue(event);
		if (value != null && type instanceof Class<?> target && target.isInstance(value)) {
			return value;
		}
		byte[] bytes = dataBytes(event);
		if (bytes == null) {
			return null;
		}
		if (type == byte[].class) {
			return bytes;
		}
		if (type == String.class) {
			return new String(bytes, charset(event.dataContentType()));
		}
		try {
			return this.jsonMapper.readValue(bytes, this.jsonMapper.getTypeFactory().constructType(type));
		}
		catch (JacksonException ex) {
			// the mapper's message quotes the data: the cause tells what went wrong
			throw new InvalidCloudEventException("data", "cannot be read as " + type.getTypeName(), ex);
		}
	}

	/**
	 * Return whether a media type declares JSON data as the specification defines it: its
	 * subtype, parameters aside, is {@code json} or ends with {@code +json}, in any case.
	 * Such data is embedded in the JSON format as a JSON value.
	 * @param contentType a media type, or {@code null}
	 * @return whether it is a JSON media type ({@code false} for {@code null})
	 */
	public static boolean isJsonContentType(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		int end = contentType.indexOf(';');
		if (end < 0) {
			end = contentType.length();
		}
		while (end > 0 && contentType.charAt(end - 1) == ' ') {
			end--;
		}
		int slash = contentType.indexOf('/');
		if (slash < 0 || slash >= end) {
			return false;
		}
		return endsWithIgnoreCase(contentType, end, "/json") || endsWithIgnoreCase(contentType, end, "+json");
	}

	private static boolean endsWithIgnoreCase(String s, int end, String suffix) {
		return end >= suffix.length() && s.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
	}

	/**
	 * Return the charset of textual data of a content type: its {@code charset}
	 * parameter, UTF-8 when there is none.
	 */
	static Charset charset(@Nullable String contentType) {
		if (contentType == null || contentType.indexOf(';') < 0) {
			return StandardCharsets.UTF_8;
		}
		try {
			Charset charset = MimeTypeUtils.parseMimeType(contentType).getCharset();
			return (charset != null) ? charset : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCloudEventException(CloudEvent.DATACONTENTTYPE,
					"names a charset this runtime does not support: '" + contentType + "'", ex);
		}
	}

	private JsonParser createParser(byte[] json) {
		return this.readFactory.createParser(ObjectReadContext.empty(), json);
	}

}
