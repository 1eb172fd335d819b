package dev.cloudevents.spring.http.converter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.observation.EventLogging;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * An {@link org.springframework.http.converter.HttpMessageConverter} that reads and
 * writes a {@link CloudEvent} in binary or structured content mode and a
 * {@code List<CloudEvent>} as a batch, for Spring MVC, {@code RestClient} and
 * {@code RestTemplate}.
 * <p>
 * Reading detects the content mode from the headers. A {@code List<CloudEvent>} target
 * reads a batch ({@value JsonEventFormat#BATCH_CONTENT_TYPE}), or a single event as a
 * list of one. A body over the {@linkplain #setMaxBodySize(DataSize) limit} is rejected.
 * On the server side, failures are raised as {@link CloudEventRequestException} (400, 413
 * or 415 with a problem detail); on the client side, as
 * {@link HttpMessageNotReadableException}.
 * <p>
 * A single event is written in structured mode when the requested content type is
 * {@value JsonEventFormat#CONTENT_TYPE}, otherwise in the mode given by the
 * {@link #CONTENT_MODE_HINT} hint (Spring MVC replies use the mode of the request), and
 * otherwise in the {@linkplain #setContentMode(ContentMode) configured mode}, binary by
 * default. Headers are always set before the body is written.
 *
 * @since 0.1.0
 */
public class CloudEventHttpMessageConverter implements SmartHttpMessageConverter<Object> {

	/**
	 * Name of the write hint that carries the {@link ContentMode} of a single event.
	 */
	public static final String CONTENT_MODE_HINT = CloudEventHttpMessageConverter.class.getName() + ".contentMode";

	/** Default limit of the body size when reading: 1 MB. */
	public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1);

	private static final List<MediaType> EVENT_MEDIA_TYPES = List.of(MediaType.ALL);

	private static final List<MediaType> BATCH_MEDIA_TYPES = List.of(JsonEventFormat.BATCH_MEDIA_TYPE, MediaType.ALL);

	private static final List<MediaType> ALL_MEDIA_TYPES = List.of(JsonEventFormat.MEDIA_TYPE,
			JsonEventFormat.BATCH_MEDIA_TYPE, MediaType.ALL);

	private static final Log logger = LogFactory.getLog(CloudEventHttpMessageConverter.class);

	private final CloudEventHttpBinding binding;

	private ContentMode contentMode = ContentMode.BINARY;

	private DataSize maxBodySize = DEFAULT_MAX_BODY_SIZE;

	/**
	 * Create a converter that uses the given binding.
	 * @param binding the HTTP binding, with the application's JSON event format
	 */
	public CloudEventHttpMessageConverter(CloudEventHttpBinding binding) {
		this.binding = binding;
	}

	/**
	 * Return the HTTP binding this converter uses.
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
	 * Set the largest body this converter reads; a negative size means no limit. Default
	 * is {@link #DEFAULT_MAX_BODY_SIZE}.
	 * @param maxBodySize the limit
	 */
	public void setMaxBodySize(DataSize maxBodySize) {
		Assert.isTrue(maxBodySize.toBytes() < Integer.MAX_VALUE, "Max body size must be less than 2 GB");
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Return the largest body this converter reads; negative for no limit.
	 * @return the limit
	 */
	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return ALL_MEDIA_TYPES;
	}

	@Override
	public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
		if (CloudEvent.class.isAssignableFrom(clazz)) {
			// binary mode carries any content type: a concrete type here would make
			// content negotiation choose structured mode for every reply
			return EVENT_MEDIA_TYPES;
		}
		return List.class.isAssignableFrom(clazz) ? BATCH_MEDIA_TYPES : List.of();
	}

	@Override
	public boolean canRead(ResolvableType type, @Nullable MediaType mediaType) {
		return type.toClass() == CloudEvent.class || isBatchType(type);
	}

	@Override
	public boolean canWrite(ResolvableType targetType, Class<?> valueClass, @Nullable MediaType mediaType) {
		return CloudEvent.class.isAssignableFrom(valueClass)
				|| (List.class.isAssignableFrom(valueClass) && isBatchType(targetType));
	}

	private static boolean isBatchType(ResolvableType type) {
		return List.class.isAssignableFrom(type.toClass())
				&& type.as(List.class).getGeneric().toClass() == CloudEvent.class;
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage inputMessage, @Nullable Map<String, Object> hints)
			throws IOException {
		HttpHeaders headers = RawServletRequest.servletPresent ? RawServletRequest.headers(inputMessage)
				: inputMessage.getHeaders();
		byte[] body = readBody(inputMessage, headers);
		try {
			Object read;
			if (type.toClass() == CloudEvent.class) {
				read = this.binding.fromHttp(headers, body);
			}
			else {
				read = this.binding.isBatch(headers) ? this.binding.fromHttpBatch(headers, body)
						: List.of(this.binding.fromHttp(headers, body));
			}
			EventLogging.debug(logger, "Read", read, this.binding.contentMode(headers));
			return read;
		}
		catch (InvalidCloudEventException ex) {
			if (isServerSide(inputMessage)) {
				throw CloudEventRequestException.of(ex);
			}
			throw new HttpMessageNotReadableException(String.valueOf(ex.getMessage()), ex, inputMessage);
		}
	}

	private byte[] readBody(HttpInputMessage inputMessage, HttpHeaders headers) throws IOException {
		long max = this.maxBodySize.toBytes();
		long length = headers.getContentLength();
		if (max >= 0 && length > max) {
			throw tooLarge(inputMessage, max);
		}
		InputStream in = RawServletRequest.servletPresent ? RawServletRequest.body(inputMessage)
				: inputMessage.getBody();
		byte[] body;
		if (length >= 0 && length < Integer.MAX_VALUE) {
			// the stream ends after Content-Length bytes: read them into one exact array
			// rather than through 8 KB buffers
			body = in.readNBytes((int) length);
		}
		else if (max < 0) {
			body = in.readAllBytes();
		}
		else {
			// one byte more than allowed tells an oversized body without reading all of
			// it
			body = in.readNBytes((int) max + 1);
			if (body.length > max) {
				throw tooLarge(inputMessage, max);
			}
		}
		String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
		if (body.length < Math.max(length, 1) && contentType != null && isServerSide(inputMessage)
				&& isFormContentType(contentType)) {
			// the servlet container read the body as form parts or parameters first, for
			// Spring MVC's MultipartResolver or a filter: acknowledging the event without
			// its data would lose it
			throw CloudEventRequestException.formBodyConsumed(contentType);
		}
		return body;
	}

	private static boolean isFormContentType(String contentType) {
		return contentType.regionMatches(true, 0, "multipart/", 0, 10) || contentType.regionMatches(true, 0,
				MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
	}

	/**
	 * Whether a request is read, rather than a client's response: Spring MVC hands
	 * {@code @RequestBody} a wrapper, so the request is known by not being a response.
	 */
	private static boolean isServerSide(HttpInputMessage inputMessage) {
		return !(inputMessage instanceof ClientHttpResponse);
	}

	private static RuntimeException tooLarge(HttpInputMessage inputMessage, long max) {
		if (isServerSide(inputMessage)) {
			return CloudEventRequestException.tooLarge(max);
		}
		return new HttpMessageNotReadableException("Body exceeds the limit of " + max + " bytes", inputMessage);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void write(Object value, ResolvableType type, @Nullable MediaType contentType,
			HttpOutputMessage outputMessage, @Nullable Map<String, Object> hints) throws IOException {
		CloudEventHttpMessage message;
		ContentMode mode = null;
		try {
			if (value instanceof CloudEvent event) {
				mode = contentModeFor(contentType, hints);
				message = this.binding.toHttp(event, mode);
			}
			else {
				message = this.binding.toBatch((List<CloudEvent>) value);
			}
		}
		catch (InvalidCloudEventException ex) {
			throw new HttpMessageNotWritableException(String.valueOf(ex.getMessage()), ex);
		}
		HttpHeaders headers = outputMessage.getHeaders();
		// in binary mode, Content-Type is the event's datacontenttype or nothing at all
		headers.remove(HttpHeaders.CONTENT_TYPE);
		headers.putAll(message.headers());
		headers.setContentLength(message.body().length);
		OutputStream body = outputMessage.getBody();
		body.write(message.body());
		body.flush();
		EventLogging.debug(logger, "Wrote", value, mode);
	}

	private ContentMode contentModeFor(@Nullable MediaType contentType, @Nullable Map<String, Object> hints) {
		if (contentType != null && contentType.isConcrete()
				&& JsonEventFormat.MEDIA_TYPE.equalsTypeAndSubtype(contentType)) {
			return ContentMode.STRUCTURED;
		}
		if (hints != null && hints.get(CONTENT_MODE_HINT) instanceof ContentMode mode) {
			return mode;
		}
		return this.contentMode;
	}

}
