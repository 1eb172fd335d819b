package dev.cloudevents.spring.http.converter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.HttpStatus;
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
import dev.cloudevents.spring.http.CloudEventCodecSupport;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.json.JsonEventFormat;
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
 * {@link HttpMessageNotReadableException}. Writing is as {@link CloudEventCodecSupport}
 * describes; headers are always set before the body is written.
 */
public class CloudEventHttpMessageConverter extends CloudEventCodecSupport
		implements SmartHttpMessageConverter<Object> {

	/**
	 * Create a converter that reads and writes events with the given binding, bodies up
	 * to {@link #DEFAULT_MAX_BODY_SIZE} and single events in binary mode unless
	 * configured otherwise.
	 * @param binding the HTTP binding, with the application's JSON event format
	 */
	public CloudEventHttpMessageConverter(CloudEventHttpBinding binding) {
		super(binding);
	}

	@Override
	public List<MediaType> getSupportedMediaTypes() {
		return MEDIA_TYPES;
	}

	@Override
	public List<MediaType> getSupportedMediaTypes(Class<?> clazz) {
		return mediaTypesFor(ResolvableType.forClass(clazz));
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

	@Override
	public Object read(ResolvableType type, HttpInputMessage inputMessage, @Nullable Map<String, Object> hints)
			throws IOException {
		HttpHeaders headers = RawServletRequest.servletPresent
				? RawServletRequest.headers(inputMessage, bindingHeaders(16), CloudEventCodecSupport::isBindingHeader)
				: inputMessage.getHeaders();
		byte[] body = readBody(inputMessage, headers);
		try {
			return decode(type.toClass() == CloudEvent.class, headers, body);
		}
		catch (InvalidCloudEventException ex) {
			if (isServerSide(inputMessage)) {
				throw CloudEventRequestException.of(ex);
			}
			throw new HttpMessageNotReadableException(String.valueOf(ex.getMessage()), ex, inputMessage);
		}
	}

	private byte[] readBody(HttpInputMessage inputMessage, HttpHeaders headers) throws IOException {
		int max = maxBodyBytes();
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
			// one byte more than allowed tells an oversized body
			// without reading all of it
			body = in.readNBytes(max + 1);
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
			throw formBodyConsumed(contentType);
		}
		return body;
	}

	/**
	 * 415, as this receiver, configured so, cannot take the media type; the detail says
	 * how to configure it.
	 */
	private static CloudEventRequestException formBodyConsumed(String contentType) {
		String fix = contentType.regionMatches(true, 0, "multipart/", 0, 10)
				? "to receive events with multipart data, set spring.servlet.multipart.resolve-lazily=true"
				: "a filter read the request parameters";
		return new CloudEventRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				CloudEventRequestException.UNSUPPORTED_FORMAT_TYPE, "Unsupported CloudEvent format",
				"The body of Content-Type '" + contentType + "' was read as form data before the CloudEvent could be; "
						+ fix,
				null);
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
	public void write(Object value, ResolvableType type, @Nullable MediaType contentType,
			HttpOutputMessage outputMessage, @Nullable Map<String, Object> hints) throws IOException {
		CloudEventHttpMessage message;
		try {
			message = encode(value, contentModeFor(contentType, hints));
		}
		catch (InvalidCloudEventException ex) {
			throw new HttpMessageNotWritableException(String.valueOf(ex.getMessage()), ex);
		}
		setHeaders(outputMessage.getHeaders(), message);
		OutputStream body = outputMessage.getBody();
		body.write(message.body());
		body.flush();
	}

}
