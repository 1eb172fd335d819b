package dev.cloudevents.spring.kafka;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.EventLimits.Limit;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.UnsupportedEventFormatException;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * The CloudEvents Kafka protocol binding: writes events to, and reads them from, the
 * headers and value of a Kafka record, in binary or structured content mode. It needs
 * kafka-clients only, so it serves a plain producer or Kafka Streams as well as
 * {@link CloudEventSerializer}, {@link CloudEventDeserializer}, the
 * {@code @KafkaListener} support and {@link KafkaCloudEventTemplate}.
 * <p>
 * Binary mode: the value is the data as it is ({@code null} for an event without data, a
 * tombstone on a compacted topic); {@code datacontenttype} is the {@value #CONTENT_TYPE}
 * header; every other attribute is a {@code ce_<name>} header holding the UTF-8 bytes of
 * its canonical string (no percent-encoding, unlike HTTP). Structured mode:
 * {@value #CONTENT_TYPE} is {@value #STRUCTURED_CONTENT_TYPE} and the value is the
 * {@linkplain JsonEventFormat JSON format}.
 * <p>
 * Reading: a {@value #CONTENT_TYPE} header starting with {@code application/cloudevents}
 * in any case means structured mode, and an event format other than JSON (or a batch,
 * which this binding does not define) is an {@link UnsupportedEventFormatException};
 * anything else is binary mode. A binary record with a {@code null} value is an event
 * without data, one with an empty value an event with empty data. Header names compare
 * exactly, as Kafka's do. Rejected with an {@link InvalidCloudEventException} naming the
 * header and the rule: a header value that is {@code null} or not valid UTF-8, a
 * {@code ce_datacontenttype} header, a missing required attribute, an attribute that
 * breaks the spec, and a header that appears more than once with different values. Copies
 * of a header that are byte for byte the same count as one, so a record that an
 * interceptor or a retry added a header to again stays readable. The
 * {@linkplain EventLimits limits} of the format apply: the number of {@code ce_} headers
 * that are no attribute of the event's spec version is bounded by
 * {@link EventLimits#maxExtensions()}.
 * <p>
 * Instances are thread-safe.
 */
public final class CloudEventKafkaBinding {

	/** Prefix of the headers that carry attributes in binary mode. */
	public static final String HEADER_PREFIX = "ce_";

	/**
	 * Name of the header that carries {@code datacontenttype} in binary mode and the
	 * event format's media type in structured mode.
	 */
	public static final String CONTENT_TYPE = "content-type";

	/** The {@value #CONTENT_TYPE} of a structured-mode record, as the spec spells it. */
	public static final String STRUCTURED_CONTENT_TYPE = JsonEventFormat.CONTENT_TYPE + "; charset=UTF-8";

	private static final byte[] STRUCTURED_CONTENT_TYPE_BYTES = STRUCTURED_CONTENT_TYPE
		.getBytes(StandardCharsets.US_ASCII);

	private static final String CE_SPECVERSION = HEADER_PREFIX + CloudEvent.SPECVERSION;

	private static final String CLOUDEVENTS_TYPE_PREFIX = "application/cloudevents";

	// the attributes that may come as ce_ headers in either version
	private static final String[] ATTRIBUTES = { CloudEvent.SPECVERSION, CloudEvent.ID, CloudEvent.SOURCE,
			CloudEvent.TYPE, CloudEvent.DATACONTENTTYPE, CloudEvent.DATASCHEMA, CloudEvent.SCHEMAURL,
			CloudEvent.DATACONTENTENCODING, CloudEvent.SUBJECT, CloudEvent.TIME };

	private static final String[] ATTRIBUTE_HEADERS = Arrays.stream(ATTRIBUTES)
		.map(HEADER_PREFIX::concat)
		.toArray(String[]::new);

	// per spec version (by ordinal), whether each of ATTRIBUTES is one of its core
	// attributes: looked up for every header read, without hashing
	private static final boolean[][] CORE_ATTRIBUTES = Arrays.stream(SpecVersion.values())
		.map(CloudEventKafkaBinding::coreAttributes)
		.toArray(boolean[][]::new);

	private final JsonEventFormat format;

	/**
	 * Create a binding with a default {@link JsonEventFormat}.
	 */
	public CloudEventKafkaBinding() {
		this(new JsonEventFormat());
	}

	/**
	 * Create a binding that uses the given format for structured mode, for data given as
	 * objects and for its limits.
	 * @param format the JSON event format
	 */
	public CloudEventKafkaBinding(JsonEventFormat format) {
		this.format = format;
	}

	/**
	 * Return the event format this binding uses.
	 * @return the format
	 */
	public JsonEventFormat format() {
		return this.format;
	}

	/**
	 * Write an event in the given content mode: add its headers to {@code headers}, after
	 * removing any {@value #CONTENT_TYPE} and {@code ce_} headers already there (those of
	 * a record being forwarded, say), and return the record value.
	 * @param event the event
	 * @param mode binary or structured
	 * @param headers the record headers to write to
	 * @return the record value: the data in binary mode ({@code null} for an event
	 * without data), the JSON format in structured mode
	 * @throws InvalidCloudEventException if the event cannot be written, such as a 0.3
	 * event whose {@code datacontentencoding} is not {@code base64} in structured mode
	 */
	public byte @Nullable [] write(CloudEvent event, ContentMode mode, Headers headers) {
		removeEventHeaders(headers);
		if (mode == ContentMode.STRUCTURED) {
			byte[] value = this.format.serialize(event);
			headers.add(CONTENT_TYPE, STRUCTURED_CONTENT_TYPE_BYTES);
			return value;
		}
		byte[] value = this.format.dataBytes(event);
		writeBinaryHeaders(event, headers);
		return value;
	}

	private static void removeEventHeaders(Headers headers) {
		for (Iterator<Header> iterator = headers.iterator(); iterator.hasNext();) {
			String key = iterator.next().key();
			if (key.startsWith(HEADER_PREFIX) || key.equals(CONTENT_TYPE)) {
				iterator.remove();
			}
		}
	}

	private static void writeBinaryHeaders(CloudEvent event, Headers headers) {
		SpecVersion version = event.specVersion();
		add(headers, CE_SPECVERSION, version.value());
		add(headers, ATTRIBUTE_HEADERS[1], event.id());
		add(headers, ATTRIBUTE_HEADERS[2], Objects.requireNonNull(event.attributeAsString(CloudEvent.SOURCE)));
		add(headers, ATTRIBUTE_HEADERS[3], event.type());
		String dataContentType = event.dataContentType();
		if (dataContentType != null) {
			add(headers, CONTENT_TYPE, dataContentType);
		}
		URI dataSchema = event.dataSchema();
		if (dataSchema != null) {
			add(headers, HEADER_PREFIX + ((version == SpecVersion.V1_0) ? CloudEvent.DATASCHEMA : CloudEvent.SCHEMAURL),
					dataSchema.toString());
		}
		// no datacontentencoding: it says how 0.3's JSON format carries bytes as a
		// string, and a binary-mode value is the bytes themselves
		String subject = event.subject();
		if (subject != null) {
			add(headers, ATTRIBUTE_HEADERS[8], subject);
		}
		// as text: a time received as text stays unparsed
		String time = event.attributeAsString(CloudEvent.TIME);
		if (time != null) {
			add(headers, ATTRIBUTE_HEADERS[9], time);
		}
		event.extensions().forEach((name, value) -> {
			String text = (value instanceof String string) ? string
					: Objects.requireNonNull(event.attributeAsString(name));
			add(headers, HEADER_PREFIX.concat(name), text);
		});
	}

	private static void add(Headers headers, String name, String value) {
		headers.add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Return whether record headers announce a CloudEvent: a {@value #CONTENT_TYPE}
	 * starting with {@code application/cloudevents} or a {@code ce_specversion} header.
	 * Whether the record is a valid one only {@link #read(Headers, byte[])} tells.
	 * @param headers the record headers
	 * @return whether the record claims to carry a CloudEvent
	 */
	public boolean isCloudEvent(Headers headers) {
		if (headers.lastHeader(CE_SPECVERSION) != null) {
			return true;
		}
		Header contentType = headers.lastHeader(CONTENT_TYPE);
		return contentType != null && contentType.value() != null
				&& isCloudEventsType(new String(contentType.value(), StandardCharsets.ISO_8859_1));
	}

	/**
	 * Read an event in binary or structured mode, whichever the headers show.
	 * @param headers the record headers
	 * @param value the record value, {@code null} for a record without one
	 * @return the event, never {@code null}
	 * @throws UnsupportedEventFormatException if the record is in an event format other
	 * than JSON
	 * @throws EventLimitExceededException if the event goes over one of the
	 * {@linkplain JsonEventFormat#limits() limits}
	 * @throws InvalidCloudEventException if the record is not a valid CloudEvent
	 */
	public CloudEvent read(Headers headers, byte @Nullable [] value) {
		Header contentTypeHeader = single(headers, CONTENT_TYPE, CloudEvent.DATACONTENTTYPE);
		String contentType = (contentTypeHeader != null) ? text(contentTypeHeader, CloudEvent.DATACONTENTTYPE) : null;
		if (contentType != null && isCloudEventsType(contentType)) {
			return readStructured(contentType, value);
		}
		return readBinary(headers, contentType, value);
	}

	private CloudEvent readStructured(String contentType, byte @Nullable [] value) {
		MimeType mimeType;
		try {
			mimeType = MimeTypeUtils.parseMimeType(contentType);
		}
		// Spring's parser fails with an IndexOutOfBoundsException on some values that
		// start with a quote
		catch (InvalidMimeTypeException | IndexOutOfBoundsException ex) {
			throw new InvalidCloudEventException(
					"Header '" + CONTENT_TYPE + "' is not a media type: '" + contentType + "'", ex);
		}
		if (mimeType.getSubtype().startsWith("cloudevents-batch")) {
			throw new UnsupportedEventFormatException("Header '" + CONTENT_TYPE + "' announces a batch ('" + contentType
					+ "'): the Kafka binding carries one event per record");
		}
		if (!mimeType.getSubtype().equals("cloudevents+json")) {
			throw new UnsupportedEventFormatException("The event format of header '" + CONTENT_TYPE + "' ('"
					+ contentType + "') is not supported; this receiver reads " + JsonEventFormat.CONTENT_TYPE);
		}
		Charset charset;
		try {
			charset = mimeType.getCharset();
		}
		catch (IllegalArgumentException ex) {
			throw new UnsupportedEventFormatException("Header '" + CONTENT_TYPE + "' ('" + contentType
					+ "') names an unknown charset; JSON events must be UTF-8");
		}
		if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
			throw new UnsupportedEventFormatException("The charset " + charset + " of header '" + CONTENT_TYPE
					+ "' is not supported; JSON events must be UTF-8");
		}
		if (value == null) {
			throw new InvalidCloudEventException(
					"A structured-mode record must have a value, the event in the JSON format, but it has none");
		}
		return this.format.deserialize(value);
	}

	private CloudEvent readBinary(Headers headers, @Nullable String contentType, byte @Nullable [] value) {
		Header specVersionHeader = single(headers, CE_SPECVERSION, CloudEvent.SPECVERSION);
		if (specVersionHeader == null) {
			throw new InvalidCloudEventException(CloudEvent.SPECVERSION,
					"is required: the record has neither a '" + CONTENT_TYPE
							+ "' header starting with application/cloudevents nor a '" + CE_SPECVERSION + "' header");
		}
		SpecVersion version = SpecVersion.of(text(specVersionHeader, CloudEvent.SPECVERSION));
		boolean[] coreAttributes = CORE_ATTRIBUTES[version.ordinal()];
		int maxExtensions = this.format.limits().maxExtensions();
		int extensionHeaders = 0;
		int attributesSeen = 0;
		boolean duplicates = false;
		CloudEvent.Builder builder = JsonEventFormat.binaryModeBuilder();
		for (Header header : headers) {
			String key = header.key();
			if (!key.startsWith(HEADER_PREFIX)) {
				continue;
			}
			int index = attributeIndex(key);
			String attribute = (index >= 0) ? ATTRIBUTES[index] : key.substring(HEADER_PREFIX.length());
			if (index >= 0 && coreAttributes[index]) {
				if ((attributesSeen & (1 << index)) != 0) {
					checkCopies(headers, key, attribute);
					continue;
				}
				attributesSeen |= 1 << index;
			}
			else if (++extensionHeaders > maxExtensions) {
				throw new EventLimitExceededException(Limit.EXTENSIONS, "The record has more than " + maxExtensions
						+ " extension attributes in ce_ headers (limit " + Limit.EXTENSIONS.key() + ")", null);
			}
			if (index == 4) {
				throw new InvalidCloudEventException(CloudEvent.DATACONTENTTYPE, "travels as header '" + CONTENT_TYPE
						+ "' in binary mode: header '" + key + "' must not be present");
			}
			// 0.3 says to ignore it when the data is not a string, and a value is bytes
			if (index == 7 && version == SpecVersion.V0_3) {
				continue;
			}
			builder.attribute(attribute, text(header, attribute));
		}
		if (contentType != null) {
			builder.dataContentType(contentType);
		}
		builder.data(value);
		CloudEvent event = builder.build();
		if (event.extensions().size() != extensionHeaders) {
			checkExtensionCopies(headers, version);
		}
		return event;
	}

	private static boolean[] coreAttributes(SpecVersion version) {
		boolean[] core = new boolean[ATTRIBUTES.length];
		for (int i = 0; i < ATTRIBUTES.length; i++) {
			core[i] = version.isCoreAttribute(ATTRIBUTES[i]);
		}
		return core;
	}

	private static int attributeIndex(String key) {
		for (int i = 0; i < ATTRIBUTE_HEADERS.length; i++) {
			if (ATTRIBUTE_HEADERS[i].equals(key)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * The one header of a name, or {@code null}; copies are accepted when they are byte
	 * for byte the same.
	 */
	private static @Nullable Header single(Headers headers, String key, String attribute) {
		Header found = null;
		for (Header header : headers) {
			if (header.key().equals(key)) {
				if (found != null && !Arrays.equals(found.value(), header.value())) {
					throw duplicate(key, attribute);
				}
				found = header;
			}
		}
		return found;
	}

	private static void checkCopies(Headers headers, String key, String attribute) {
		single(headers, key, attribute);
	}

	// only when an extension header came more than once: find it and compare its copies
	private static void checkExtensionCopies(Headers headers, SpecVersion version) {
		for (Header header : headers) {
			String key = header.key();
			if (key.startsWith(HEADER_PREFIX)) {
				String attribute = key.substring(HEADER_PREFIX.length());
				if (!version.isCoreAttribute(attribute)) {
					single(headers, key, attribute);
				}
			}
		}
	}

	private static InvalidCloudEventException duplicate(String key, String attribute) {
		return new InvalidCloudEventException(attribute,
				"must be sent once, but header '" + key + "' appears more than once with different values");
	}

	private static String text(Header header, String attribute) {
		byte[] bytes = header.value();
		if (bytes == null) {
			throw new InvalidCloudEventException(attribute,
					"comes from header '" + header.key() + "', which has no value");
		}
		// the JDK's decoder, fast for ASCII, replaces what is not UTF-8 with U+FFFD: only
		// then (or for a U+FFFD sent as such) does the strict decoder tell which it was
		String text = new String(bytes, StandardCharsets.UTF_8);
		return (text.indexOf('\uFFFD') < 0) ? text : decodeUtf8(header, attribute);
	}

	private static String decodeUtf8(Header header, String attribute) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(header.value()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidCloudEventException(attribute,
					"comes from header '" + header.key() + "', whose value is not valid UTF-8", ex);
		}
	}

	private static boolean isCloudEventsType(String contentType) {
		int start = 0;
		// as MimeTypeUtils trims
		while (start < contentType.length() && contentType.charAt(start) <= ' ') {
			start++;
		}
		return contentType.regionMatches(true, start, CLOUDEVENTS_TYPE_PREFIX, 0, CLOUDEVENTS_TYPE_PREFIX.length());
	}

}
