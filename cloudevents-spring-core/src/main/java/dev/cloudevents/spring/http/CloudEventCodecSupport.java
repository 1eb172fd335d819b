package dev.cloudevents.spring.http;

import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.support.EventLogging;

/**
 * Base of the HTTP message converter and of the reactive reader and writer of
 * CloudEvents: the binding they use, the content mode in which they write a single event,
 * the largest body they read, and the rules they share.
 * <p>
 * A single event is written in structured mode when the requested content type is
 * {@value JsonEventFormat#CONTENT_TYPE}, otherwise in the mode given by the
 * {@link #CONTENT_MODE_HINT} hint (replies use the mode of the request), and otherwise in
 * the {@linkplain #setContentMode(ContentMode) configured mode}, binary by default. A
 * {@code List<CloudEvent>} is written as a batch.
 *
 * @see dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter
 * @see dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader
 * @see dev.cloudevents.spring.http.codec.CloudEventHttpMessageWriter
 */
public abstract class CloudEventCodecSupport {

	/**
	 * Name of the write hint that carries the {@link ContentMode} of a single event, for
	 * the converter and the writer alike.
	 */
	public static final String CONTENT_MODE_HINT = ContentMode.class.getName();

	/**
	 * Default of the largest body read: 1 MB, as {@code cloudevents.http.max-body-size}.
	 */
	public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1);

	/** The media types declared for every type handled. */
	protected static final List<MediaType> MEDIA_TYPES = List.of(JsonEventFormat.MEDIA_TYPE,
			JsonEventFormat.BATCH_MEDIA_TYPE, MediaType.ALL);

	// binary mode carries any content type: a concrete type here would make content
	// negotiation choose structured mode for every reply
	private static final List<MediaType> EVENT_MEDIA_TYPES = List.of(MediaType.ALL);

	private static final List<MediaType> BATCH_MEDIA_TYPES = List.of(JsonEventFormat.BATCH_MEDIA_TYPE, MediaType.ALL);

	/** Logger of the concrete class: each event read or written at DEBUG. */
	protected final Log logger = LogFactory.getLog(getClass());

	private final CloudEventHttpBinding binding;

	private ContentMode contentMode = ContentMode.BINARY;

	private DataSize maxBodySize = DEFAULT_MAX_BODY_SIZE;

	/**
	 * Create an instance that uses the given binding.
	 * @param binding the HTTP binding, with the application's JSON event format
	 */
	protected CloudEventCodecSupport(CloudEventHttpBinding binding) {
		this.binding = binding;
	}

	/**
	 * Return the HTTP binding in use.
	 * @return the binding
	 */
	public CloudEventHttpBinding getBinding() {
		return this.binding;
	}

	/**
	 * Set the content mode of single events written without a hint or a structured
	 * content type. Default is {@link ContentMode#BINARY}.
	 * @param contentMode the content mode
	 */
	public void setContentMode(ContentMode contentMode) {
		this.contentMode = contentMode;
	}

	/**
	 * Return the content mode of single events written without a hint or a structured
	 * content type.
	 * @return the content mode
	 */
	public ContentMode getContentMode() {
		return this.contentMode;
	}

	/**
	 * Set the largest body read; a longer one is rejected (413 on a server). A negative
	 * size means no limit. Default is {@link #DEFAULT_MAX_BODY_SIZE}.
	 * @param maxBodySize the limit, less than 2 GB
	 */
	public void setMaxBodySize(DataSize maxBodySize) {
		Assert.isTrue(maxBodySize.toBytes() < Integer.MAX_VALUE, "Max body size must be less than 2 GB");
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Return the largest body read; negative for no limit.
	 * @return the limit
	 */
	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * Return the largest body read in bytes, or -1 for no limit.
	 * @return the limit
	 */
	protected final int maxBodyBytes() {
		long max = this.maxBodySize.toBytes();
		return (max < 0) ? -1 : (int) max;
	}

	/**
	 * Return the media types declared for a type: any for an event, the batch type or any
	 * for a list of events, none for anything else.
	 * @param type the type to read or write
	 * @return the media types
	 */
	protected static List<MediaType> mediaTypesFor(ResolvableType type) {
		if (CloudEvent.class.isAssignableFrom(type.toClass())) {
			return EVENT_MEDIA_TYPES;
		}
		return isBatchType(type) ? BATCH_MEDIA_TYPES : List.of();
	}

	/**
	 * Return whether a type is {@code List<CloudEvent>}.
	 * @param type the type
	 * @return whether it is read and written as a batch
	 */
	protected static boolean isBatchType(ResolvableType type) {
		return List.class.isAssignableFrom(type.toClass())
				&& type.as(List.class).getGeneric().toClass() == CloudEvent.class;
	}

	/**
	 * Return the content mode in which to write a single event.
	 * @param contentType the requested content type, if any
	 * @param hints the write hints, if any
	 * @return structured for a structured content type, else the hint's mode, else the
	 * configured one
	 */
	protected final ContentMode contentModeFor(@Nullable MediaType contentType, @Nullable Map<String, Object> hints) {
		if (contentType != null && contentType.isConcrete()
				&& JsonEventFormat.MEDIA_TYPE.equalsTypeAndSubtype(contentType)) {
			return ContentMode.STRUCTURED;
		}
		if (hints != null && hints.get(CONTENT_MODE_HINT) instanceof ContentMode mode) {
			return mode;
		}
		return this.contentMode;
	}

	/**
	 * Write an event in the given mode, or a list of events as a batch.
	 * @param value a {@link CloudEvent} or a {@code List<CloudEvent>}
	 * @param mode the content mode of a single event
	 * @return the headers and body
	 * @throws InvalidCloudEventException if the event cannot be written
	 */
	@SuppressWarnings("unchecked")
	protected final CloudEventHttpMessage encode(Object value, ContentMode mode) {
		boolean single = value instanceof CloudEvent;
		CloudEventHttpMessage message = single ? this.binding.toHttp((CloudEvent) value, mode)
				: this.binding.toBatch((List<CloudEvent>) value);
		EventLogging.debug(this.logger, "Writing", value, single ? mode : null);
		return message;
	}

	/**
	 * Read one event, or a batch or single event as a list.
	 * @param single whether one event is read rather than a list
	 * @param headers the headers
	 * @param body the body
	 * @return a {@link CloudEvent} or a {@code List<CloudEvent>}
	 * @throws InvalidCloudEventException if the message is not valid
	 */
	protected final Object decode(boolean single, HttpHeaders headers, byte[] body) {
		Object read;
		if (single) {
			read = this.binding.fromHttp(headers, body);
		}
		else {
			read = this.binding.isBatch(headers) ? this.binding.fromHttpBatch(headers, body)
					: List.of(this.binding.fromHttp(headers, body));
		}
		if (this.logger.isDebugEnabled()) {
			// the mode parses Content-Type again: only when it is logged
			EventLogging.debug(this.logger, "Read", read, this.binding.contentMode(headers));
		}
		return read;
	}

	/**
	 * Return an empty map for the headers that decoding reads, cheaper to fill than
	 * {@code new HttpHeaders()} for the handful of headers an event has.
	 * @param capacity the number of headers expected
	 * @return empty headers
	 */
	protected static HttpHeaders bindingHeaders(int capacity) {
		return new HttpHeaders(new HeaderMap(capacity));
	}

	/**
	 * Return whether decoding reads headers of this name: {@code Content-Type},
	 * {@code Content-Length} and the {@code ce-} headers. A copy of the request's headers
	 * for decoding needs no others.
	 * @param name a header name, in any letter case
	 * @return whether the header is read
	 */
	protected static boolean isBindingHeader(CharSequence name) {
		int length = name.length();
		if (length >= 3 && (name.charAt(0) | 0x20) == 'c' && (name.charAt(1) | 0x20) == 'e' && name.charAt(2) == '-') {
			return true;
		}
		return (length == 12 && regionMatches(name, HttpHeaders.CONTENT_TYPE))
				|| (length == 14 && regionMatches(name, HttpHeaders.CONTENT_LENGTH));
	}

	private static boolean regionMatches(CharSequence name, String header) {
		for (int i = 0; i < header.length(); i++) {
			char c = name.charAt(i);
			if (c != header.charAt(i) && Character.toLowerCase(c) != Character.toLowerCase(header.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Set the headers of a written message on the outgoing ones, replacing any
	 * {@code Content-Type}: in binary mode it is the event's {@code datacontenttype} or
	 * nothing at all.
	 * @param headers the outgoing headers
	 * @param message the written message
	 */
	protected static void setHeaders(HttpHeaders headers, CloudEventHttpMessage message) {
		headers.remove(HttpHeaders.CONTENT_TYPE);
		headers.putAll(message.headers());
		headers.setContentLength(message.body().length);
	}

}
