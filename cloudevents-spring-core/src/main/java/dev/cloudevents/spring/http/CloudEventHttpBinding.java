package dev.cloudevents.spring.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.util.MultiValueMapAdapter;

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
 * The CloudEvents HTTP protocol binding: writes events to, and reads them from, HTTP
 * headers and bodies in binary, structured and batched content mode. The building block
 * of the Spring MVC converter, the WebFlux codecs and the templates;
 * {@link CloudEventHttp} offers the same with a default configuration.
 * <p>
 * Reading enforces the {@link EventLimits} of the format: in binary mode, the number of
 * {@code ce-} headers that are no attribute of the event's spec version is bounded by
 * {@link EventLimits#maxExtensions()}.
 * <p>
 * Instances are thread-safe.
 *
 * @since 0.1.0
 */
public final class CloudEventHttpBinding {

	/** Prefix of the headers that carry attributes in binary mode. */
	public static final String HEADER_PREFIX = "ce-";

	/** The header of the spec version, whose presence marks a message in binary mode. */
	public static final String SPECVERSION_HEADER = HEADER_PREFIX + CloudEvent.SPECVERSION;

	// No charset parameter: JSON is UTF-8 anyway (RFC 8259), servlet containers respell
	// one ("; charset=utf-8" becomes ";charset=utf-8"), and the JavaScript SDK compares
	// the Content-Type letter for letter.
	private static final String STRUCTURED_CONTENT_TYPE = JsonEventFormat.CONTENT_TYPE;

	private static final String BATCH_CONTENT_TYPE = JsonEventFormat.BATCH_CONTENT_TYPE;

	private static final String CE_ID = HEADER_PREFIX + CloudEvent.ID;

	private static final String CE_SOURCE = HEADER_PREFIX + CloudEvent.SOURCE;

	private static final String CE_TYPE = HEADER_PREFIX + CloudEvent.TYPE;

	private static final String CE_DATASCHEMA = HEADER_PREFIX + CloudEvent.DATASCHEMA;

	private static final String CE_SCHEMAURL = HEADER_PREFIX + CloudEvent.SCHEMAURL;

	private static final String CE_SUBJECT = HEADER_PREFIX + CloudEvent.SUBJECT;

	private static final String CE_TIME = HEADER_PREFIX + CloudEvent.TIME;

	// the attributes that may come as ce- headers in either version, in lower case
	private static final String[] ATTRIBUTES = { CloudEvent.SPECVERSION, CloudEvent.ID, CloudEvent.SOURCE,
			CloudEvent.TYPE, CloudEvent.DATACONTENTTYPE, CloudEvent.DATASCHEMA, CloudEvent.SCHEMAURL,
			CloudEvent.DATACONTENTENCODING, CloudEvent.SUBJECT, CloudEvent.TIME };

	// the indexes in ATTRIBUTES of the attributes of each length: most names are
	// told apart by their length alone
	private static final int[][] ATTRIBUTES_BY_LENGTH = attributesByLength();

	// bit i set: ATTRIBUTES[i] is a core attribute of the version
	private static final int V10_ATTRIBUTES = coreAttributes(SpecVersion.V1_0);

	private static final int V03_ATTRIBUTES = coreAttributes(SpecVersion.V0_3);

	// The last CloudEvents Content-Type parsed, as senders repeat theirs: parsing it
	// (Spring's cache of parsed types, then a copy as a MediaType) cost a fifth of
	// reading a small structured-mode event.
	private static volatile ParsedContentType lastParsed = new ParsedContentType(JsonEventFormat.CONTENT_TYPE,
			JsonEventFormat.MEDIA_TYPE);

	private static final String CLOUDEVENTS_TYPE_PREFIX = "application/cloudevents";

	// the ce- header names of recent extensions, direct-mapped by the extension's hash
	// (a race only loses an entry): names repeat from event to event
	private static final @Nullable ExtensionHeader[] EXTENSION_HEADERS = new ExtensionHeader[64];

	// the attributes of recent extension headers read, by the header's hash
	private static final @Nullable ExtensionHeader[] EXTENSION_ATTRIBUTES = new ExtensionHeader[64];

	private static final byte[] EMPTY = new byte[0];

	private final JsonEventFormat format;

	/**
	 * Create a binding with a default {@link JsonEventFormat}.
	 */
	public CloudEventHttpBinding() {
		this(new JsonEventFormat());
	}

	/**
	 * Create a binding that uses the given format for structured and batched mode.
	 * @param format the JSON event format
	 */
	public CloudEventHttpBinding(JsonEventFormat format) {
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
	 * Write an event in the given content mode.
	 * @param event the event
	 * @param mode binary or structured
	 * @return the headers and body
	 */
	public CloudEventHttpMessage toHttp(CloudEvent event, ContentMode mode) {
		return (mode == ContentMode.BINARY) ? toBinary(event) : toStructured(event);
	}

	/**
	 * Write an event in binary mode: attributes as percent-encoded {@code ce-} headers,
	 * {@code datacontenttype} as {@code Content-Type}, the data as the body.
	 * @param event the event
	 * @return the headers and body
	 */
	public CloudEventHttpMessage toBinary(CloudEvent event) {
		HeaderMap headers = new HeaderMap(binaryHeaderCount(event));
		writeBinaryHeaders(event, headers);
		return new CloudEventHttpMessage(new HttpHeaders(headers), binaryBody(event));
	}

	private static int binaryHeaderCount(CloudEvent event) {
		int count = 4 + event.extensions().size();
		count += (event.dataContentType() != null) ? 1 : 0;
		count += (event.dataSchema() != null) ? 1 : 0;
		count += (event.subject() != null) ? 1 : 0;
		// and one for the time, set or not: asking would parse a time received as text
		return count + 1;
	}

	// each name once, so no need to look for it first
	private static void writeBinaryHeaders(CloudEvent event, HeaderMap headers) {
		boolean encode = HeaderValues.mayNeedEncoding(event);
		SpecVersion version = event.specVersion();
		headers.append(SPECVERSION_HEADER, version.value());
		headers.append(CE_ID, headerValue(event.id(), encode));
		headers.append(CE_SOURCE,
				headerValue(Objects.requireNonNull(event.attributeAsString(CloudEvent.SOURCE)), encode));
		headers.append(CE_TYPE, headerValue(event.type(), encode));
		String dataContentType = event.dataContentType();
		if (dataContentType != null) {
			headers.append(HttpHeaders.CONTENT_TYPE, dataContentType);
		}
		URI dataSchema = event.dataSchema();
		if (dataSchema != null) {
			headers.append((version == SpecVersion.V1_0) ? CE_DATASCHEMA : CE_SCHEMAURL,
					headerValue(dataSchema.toString(), encode));
		}
		// no datacontentencoding: it says how an event format carries binary data as a
		// string (0.3), and a binary-mode body is the bytes themselves
		String subject = event.subject();
		if (subject != null) {
			headers.append(CE_SUBJECT, headerValue(subject, encode));
		}
		String time = event.attributeAsString(CloudEvent.TIME);
		if (time != null) {
			// RFC 3339 needs no percent-encoding
			headers.append(CE_TIME, time);
		}
		event.extensions().forEach((name, value) -> {
			String text = (value instanceof String string) ? string
					: Objects.requireNonNull(event.attributeAsString(name));
			headers.append(extensionHeader(name), headerValue(text, encode));
		});
	}

	private static String headerValue(String value, boolean encode) {
		return encode ? HeaderValues.encode(value) : value;
	}

	private static String extensionHeader(String extension) {
		int slot = extension.hashCode() & (EXTENSION_HEADERS.length - 1);
		ExtensionHeader cached = EXTENSION_HEADERS[slot];
		// the name is mostly the very string of the last event: a literal or a map key
		if (cached != null && (cached.attribute() == extension || cached.attribute().equals(extension))) {
			return cached.header();
		}
		String header = HEADER_PREFIX.concat(extension);
		EXTENSION_HEADERS[slot] = new ExtensionHeader(header, extension);
		return header;
	}

	// data given as an object is written with the format's mapper
	private byte[] binaryBody(CloudEvent event) {
		byte[] data = this.format.dataBytes(event);
		return (data != null) ? data : EMPTY;
	}

	/**
	 * Write an event in structured mode, as {@value JsonEventFormat#CONTENT_TYPE}.
	 * @param event the event
	 * @return the headers and body
	 */
	public CloudEventHttpMessage toStructured(CloudEvent event) {
		HttpHeaders headers = new HttpHeaders(new HeaderMap(1));
		headers.set(HttpHeaders.CONTENT_TYPE, STRUCTURED_CONTENT_TYPE);
		return new CloudEventHttpMessage(headers, this.format.serialize(event));
	}

	/**
	 * Write events in batched mode, as {@value JsonEventFormat#BATCH_CONTENT_TYPE}.
	 * @param events the events, all of one spec version
	 * @return the headers and body
	 */
	public CloudEventHttpMessage toBatch(List<CloudEvent> events) {
		HttpHeaders headers = new HttpHeaders(new HeaderMap(1));
		headers.set(HttpHeaders.CONTENT_TYPE, BATCH_CONTENT_TYPE);
		return new CloudEventHttpMessage(headers, this.format.serializeBatch(events));
	}

	/**
	 * Return the content mode of a request or response from its headers: structured when
	 * the {@code Content-Type} is {@code application/cloudevents} with any format suffix,
	 * binary when there is a {@code ce-specversion} header.
	 * @param headers the headers
	 * @return the content mode, or {@code null} if the message carries no single event (a
	 * batch, or no CloudEvent at all)
	 */
	public @Nullable ContentMode contentMode(HttpHeaders headers) {
		MediaType contentType = cloudEventsContentType(headers);
		if (contentType != null) {
			return isBatchSubtype(contentType) ? null : ContentMode.STRUCTURED;
		}
		return (headers.getFirst(SPECVERSION_HEADER) != null) ? ContentMode.BINARY : null;
	}

	/**
	 * Return whether the headers announce a batch ({@code application/cloudevents-batch}
	 * with any format suffix).
	 * @param headers the headers
	 * @return whether the body is a batch
	 */
	public boolean isBatch(HttpHeaders headers) {
		MediaType contentType = cloudEventsContentType(headers);
		return contentType != null && isBatchSubtype(contentType);
	}

	/**
	 * Read one event in binary or structured mode, whichever the headers show.
	 * @param headers the headers
	 * @param body the body bytes
	 * @return the event
	 * @throws UnsupportedEventFormatException if the body is in an event format other
	 * than JSON
	 * @throws EventLimitExceededException if the event goes over one of the
	 * {@linkplain JsonEventFormat#limits() limits}
	 * @throws InvalidCloudEventException if the message is not a valid CloudEvent
	 */
	public CloudEvent fromHttp(HttpHeaders headers, byte[] body) {
		// looked up once: each lookup lower-cases the name
		String rawContentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		MediaType contentType = cloudEventsContentType(headers, rawContentType);
		if (contentType != null) {
			if (isBatchSubtype(contentType)) {
				throw new UnsupportedEventFormatException(
						"Expected a single event but the Content-Type '" + contentType + "' announces a batch");
			}
			checkJsonFormat(contentType, "application/cloudevents+json");
			return this.format.deserialize(body);
		}
		return fromBinary(headers, rawContentType, body);
	}

	/**
	 * Read a batch of events.
	 * @param headers the headers, with a batch {@code Content-Type}
	 * @param body the body bytes
	 * @return the events, possibly none
	 * @throws UnsupportedEventFormatException if the body is not a JSON batch
	 * @throws EventLimitExceededException if the batch or one of its events goes over one
	 * of the {@linkplain JsonEventFormat#limits() limits}
	 * @throws InvalidCloudEventException if the batch or one of its events is invalid
	 */
	public List<CloudEvent> fromHttpBatch(HttpHeaders headers, byte[] body) {
		MediaType contentType = contentType(headers);
		if (contentType == null || !isCloudEventsType(contentType) || !isBatchSubtype(contentType)) {
			throw new UnsupportedEventFormatException("Expected a batch (" + JsonEventFormat.BATCH_CONTENT_TYPE
					+ ") but the Content-Type is " + ((contentType != null) ? "'" + contentType + "'" : "missing"));
		}
		checkJsonFormat(contentType, JsonEventFormat.BATCH_CONTENT_TYPE);
		return this.format.deserializeBatch(body);
	}

	private CloudEvent fromBinary(HttpHeaders headers, @Nullable String contentType, byte[] body) {
		String specVersion = headers.getFirst(SPECVERSION_HEADER);
		if (specVersion == null) {
			throw new InvalidCloudEventException(CloudEvent.SPECVERSION,
					"is required: the message has neither a CloudEvents Content-Type nor a 'ce-specversion' header");
		}
		boolean v03 = SpecVersion.V0_3.value().equals(specVersion);
		int maxExtensions = this.format.limits().maxExtensions();
		int extensions = 0;
		int coreAttributes = v03 ? V03_ATTRIBUTES : V10_ATTRIBUTES;
		int coreAttributesSeen = 0;
		CloudEvent.Builder builder = JsonEventFormat.binaryModeBuilder();
		// The backing map: each of HttpHeaders' views of the names (headerNames(),
		// headerSet(), forEach) first copies every name into a new case-insensitive map,
		// about 1 KB a message, more than the rest of the decode. A name that a
		// case-sensitive backing map (a LinkedMultiValueMap) holds in two spellings is
		// caught below. The maps behind new HttpHeaders() and ours are walked by entry;
		// other ones by name and lookup, as server adapters (the Servlet one) support no
		// entry view.
		@SuppressWarnings("removal")
		MultiValueMap<String, String> backing = headers.asMultiValueMap();
		boolean byEntry = backing instanceof MultiValueMapAdapter || backing instanceof HeaderMap;
		Iterator<?> iterator = byEntry ? backing.entrySet().iterator() : backing.keySet().iterator();
		while (iterator.hasNext()) {
			Object next = iterator.next();
			Map.Entry<?, ?> entry = byEntry ? (Map.Entry<?, ?>) next : null;
			String name = (String) ((entry != null) ? entry.getKey() : next);
			if (!hasHeaderPrefix(name)) {
				continue;
			}
			@SuppressWarnings("unchecked")
			List<String> values = (List<String>) ((entry != null) ? entry.getValue() : backing.get(name));
			int index = attributeIndex(name);
			String attribute = (index >= 0) ? ATTRIBUTES[index] : extensionAttribute(name);
			boolean core = index >= 0 && (coreAttributes & (1 << index)) != 0;
			if (!core && ++extensions > maxExtensions) {
				throw new EventLimitExceededException(Limit.EXTENSIONS, "The event has more than " + maxExtensions
						+ " extension attributes in ce- headers (limit " + Limit.EXTENSIONS.key() + ")", null);
			}
			if (values.size() != 1) {
				throw new InvalidCloudEventException(attribute,
						"must be sent once, but header '" + name + "' appears " + values.size() + " times");
			}
			if (core) {
				if ((coreAttributesSeen & (1 << index)) != 0) {
					rejectRepeatedAttribute(headers);
				}
				coreAttributesSeen |= 1 << index;
			}
			if (attribute.equals(CloudEvent.DATACONTENTTYPE)) {
				throw new InvalidCloudEventException(attribute,
						"travels as Content-Type in binary mode: header 'ce-datacontenttype' must not be present");
			}
			// 0.3 says to ignore it when the data is not a string, and a body is bytes
			if (v03 && attribute.equals(CloudEvent.DATACONTENTENCODING)) {
				continue;
			}
			builder.attribute(attribute, HeaderValues.decode(attribute, values.get(0)));
		}
		if (contentType != null) {
			builder.dataContentType(contentType);
		}
		if (body.length > 0) {
			builder.data(body);
		}
		CloudEvent event = builder.build();
		if (event.extensions().size() != extensions) {
			// an extension header in two spellings
			rejectRepeatedAttribute(headers);
		}
		return event;
	}

	private static boolean hasHeaderPrefix(String name) {
		return name.length() >= HEADER_PREFIX.length() && (name.charAt(0) | 0x20) == 'c'
				&& (name.charAt(1) | 0x20) == 'e' && name.charAt(2) == '-';
	}

	private static String extensionAttribute(String header) {
		int slot = header.hashCode() & (EXTENSION_ATTRIBUTES.length - 1);
		ExtensionHeader cached = EXTENSION_ATTRIBUTES[slot];
		if (cached != null && cached.header().equals(header)) {
			return cached.attribute();
		}
		String attribute = header.substring(HEADER_PREFIX.length()).toLowerCase(Locale.ROOT);
		EXTENSION_ATTRIBUTES[slot] = new ExtensionHeader(header, attribute);
		return attribute;
	}

	private static int coreAttributes(SpecVersion version) {
		int bits = 0;
		for (int i = 0; i < ATTRIBUTES.length; i++) {
			if (version.isCoreAttribute(ATTRIBUTES[i])) {
				bits |= 1 << i;
			}
		}
		return bits;
	}

	/**
	 * Return the index in {@link #ATTRIBUTES} of the attribute a {@code ce-} header
	 * names, in any ASCII case, or -1 for any other name.
	 */
	private static int attributeIndex(String header) {
		int length = header.length() - HEADER_PREFIX.length();
		if (length < ATTRIBUTES_BY_LENGTH.length) {
			for (int i : ATTRIBUTES_BY_LENGTH[length]) {
				if (equalsIgnoreAsciiCase(header, HEADER_PREFIX.length(), ATTRIBUTES[i])) {
					return i;
				}
			}
		}
		return -1;
	}

	private static int[][] attributesByLength() {
		int longest = 0;
		for (String attribute : ATTRIBUTES) {
			longest = Math.max(longest, attribute.length());
		}
		int[][] byLength = new int[longest + 1][];
		for (int length = 0; length <= longest; length++) {
			int count = 0;
			int[] indexes = new int[ATTRIBUTES.length];
			for (int i = 0; i < ATTRIBUTES.length; i++) {
				if (ATTRIBUTES[i].length() == length) {
					indexes[count++] = i;
				}
			}
			byLength[length] = Arrays.copyOf(indexes, count);
		}
		return byLength;
	}

	private static boolean equalsIgnoreAsciiCase(String s, int start, String lowerCaseLetters) {
		for (int i = 0; i < lowerCaseLetters.length(); i++) {
			char c = s.charAt(start + i);
			char expected = lowerCaseLetters.charAt(i);
			if (c != expected && c != expected - ('a' - 'A')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Reject headers whose case-sensitive backing map holds a {@code ce-} name in two
	 * spellings; other names repeated so are not ours to judge.
	 */
	private static void rejectRepeatedAttribute(HttpHeaders headers) {
		Set<String> seen = new HashSet<>();
		for (String name : headers.toSingleValueMap().keySet()) {
			if (name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
				String attribute = name.substring(HEADER_PREFIX.length()).toLowerCase(Locale.ROOT);
				if (!seen.add(attribute)) {
					throw new InvalidCloudEventException(attribute,
							"must be sent once, but header '" + name + "' appears more than once");
				}
			}
		}
		throw new InvalidCloudEventException("The ce- headers name an attribute more than once");
	}

	private static boolean mayBeCloudEventsType(String contentType) {
		int start = 0;
		// as MimeTypeUtils trims
		while (start < contentType.length() && contentType.charAt(start) <= ' ') {
			start++;
		}
		return contentType.regionMatches(true, start, CLOUDEVENTS_TYPE_PREFIX, 0, CLOUDEVENTS_TYPE_PREFIX.length());
	}

	/**
	 * The {@code Content-Type} if it is a CloudEvents type
	 * ({@code application/cloudevents} with any suffix). Only such a value is parsed as
	 * Spring's {@link MediaType}: in binary mode the {@code Content-Type} is the
	 * {@code datacontenttype}, which the builder checks as a MIME type, and
	 * {@code MediaType} adds rules of its own (a {@code q} parameter must be at most 1)
	 * that would fail a valid binary-mode event.
	 */
	private static @Nullable MediaType cloudEventsContentType(HttpHeaders headers) {
		return cloudEventsContentType(headers, headers.getFirst(HttpHeaders.CONTENT_TYPE));
	}

	private static @Nullable MediaType cloudEventsContentType(HttpHeaders headers, @Nullable String raw) {
		if (raw == null || !mayBeCloudEventsType(raw)) {
			return null;
		}
		MediaType contentType = parse(raw);
		return isCloudEventsType(contentType) ? contentType : null;
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		String raw = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		return (raw != null && !raw.isEmpty()) ? parse(raw) : null;
	}

	private static MediaType parse(String raw) {
		ParsedContentType last = lastParsed;
		if (last.raw().equals(raw)) {
			return last.mediaType();
		}
		MediaType parsed;
		try {
			parsed = MediaType.parseMediaType(raw);
		}
		// Spring's parser fails with StringIndexOutOfBoundsException on some values
		// that start with a quote, such as '"a/b'
		catch (InvalidMediaTypeException | IndexOutOfBoundsException ex) {
			throw new InvalidCloudEventException(CloudEvent.DATACONTENTTYPE,
					"comes from a Content-Type that is not a media type: " + ex.getMessage(), ex);
		}
		lastParsed = new ParsedContentType(raw, parsed);
		return parsed;
	}

	private static boolean isCloudEventsType(MediaType contentType) {
		// MediaType keeps type and subtype in lower case, so this is case-insensitive
		return contentType.getType().equals("application") && contentType.getSubtype().startsWith("cloudevents");
	}

	private static boolean isBatchSubtype(MediaType contentType) {
		return contentType.getSubtype().startsWith("cloudevents-batch");
	}

	private static void checkJsonFormat(MediaType contentType, String expected) {
		String suffix = contentType.getSubtypeSuffix();
		if (!"json".equals(suffix)) {
			throw new UnsupportedEventFormatException("The event format of Content-Type '" + contentType
					+ "' is not supported; this receiver reads " + expected);
		}
		Charset charset = contentType.getCharset();
		if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
			throw new UnsupportedEventFormatException(
					"The charset " + charset + " is not supported for " + expected + "; JSON events must be UTF-8");
		}
	}

	private record ExtensionHeader(String header, String attribute) {
	}

	private record ParsedContentType(String raw, MediaType mediaType) {
	}

}
