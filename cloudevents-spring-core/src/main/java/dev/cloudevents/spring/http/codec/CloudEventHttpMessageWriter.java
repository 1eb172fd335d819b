package dev.cloudevents.spring.http.codec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.EncodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventCodecSupport;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * An {@link HttpMessageWriter} that writes a {@link CloudEvent} in binary or structured
 * content mode, and a {@code List<CloudEvent>} or a {@code Flux<CloudEvent>} as a batch,
 * for WebFlux and {@code WebClient}, as {@link CloudEventCodecSupport} describes; on the
 * server, a reply without a hint is written in the mode of the request it answers.
 */
public class CloudEventHttpMessageWriter extends CloudEventCodecSupport implements HttpMessageWriter<Object> {

	/**
	 * Create a writer that writes events with the given binding, in binary mode unless
	 * {@linkplain #setContentMode(ContentMode) configured} otherwise.
	 * @param binding the HTTP binding, with the application's JSON event format
	 */
	public CloudEventHttpMessageWriter(CloudEventHttpBinding binding) {
		super(binding);
	}

	@Override
	public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
		return CloudEvent.class.isAssignableFrom(elementType.toClass()) || isBatchType(elementType);
	}

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return MEDIA_TYPES;
	}

	@Override
	public List<MediaType> getWritableMediaTypes(ResolvableType elementType) {
		return mediaTypesFor(elementType);
	}

	@Override
	public Mono<Void> write(Publisher<?> inputStream, ResolvableType elementType, @Nullable MediaType mediaType,
			ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		Mono<CloudEventHttpMessage> encoded;
		if (!CloudEvent.class.isAssignableFrom(elementType.toClass())) {
			encoded = Mono.from(inputStream).map((events) -> encodeOrFail(events, ContentMode.STRUCTURED));
		}
		else if (inputStream instanceof Mono) {
			ContentMode mode = contentModeFor(mediaType, hints);
			encoded = Mono.from(inputStream).map((event) -> encodeOrFail(event, mode));
		}
		else {
			encoded = Flux.from(inputStream)
				.cast(CloudEvent.class)
				.collectList()
				.map((events) -> encodeOrFail(events, ContentMode.STRUCTURED));
		}
		return encoded.map((encodedMessage) -> writeTo(encodedMessage, message))
			.defaultIfEmpty(Mono.defer(message::setComplete))
			.flatMap(Function.identity());
	}

	@Override
	public Mono<Void> write(Publisher<?> inputStream, ResolvableType actualType, ResolvableType elementType,
			@Nullable MediaType mediaType, ServerHttpRequest request, ServerHttpResponse response,
			Map<String, Object> hints) {
		ContentMode requestMode = getBinding().contentMode(request.getHeaders());
		if (requestMode == null || hints.containsKey(CONTENT_MODE_HINT)) {
			return write(inputStream, elementType, mediaType, response, hints);
		}
		Map<String, Object> replyHints = new HashMap<>(hints);
		replyHints.put(CONTENT_MODE_HINT, requestMode);
		return write(inputStream, elementType, mediaType, response, replyHints);
	}

	private CloudEventHttpMessage encodeOrFail(Object value, ContentMode mode) {
		try {
			return encode(value, mode);
		}
		catch (InvalidCloudEventException ex) {
			throw new EncodingException(String.valueOf(ex.getMessage()), ex);
		}
	}

	private static Mono<Void> writeTo(CloudEventHttpMessage encoded, ReactiveHttpOutputMessage message) {
		setHeaders(message.getHeaders(), encoded);
		return message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(encoded.body())));
	}

}
