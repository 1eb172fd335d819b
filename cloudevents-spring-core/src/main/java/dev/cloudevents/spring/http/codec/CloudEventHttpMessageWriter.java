package dev.cloudevents.spring.http.codec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.observation.EventLogging;

/**
 * An {@link HttpMessageWriter} that writes a {@link CloudEvent} in binary or structured
 * content mode, and a {@code List<CloudEvent>} or a {@code Flux<CloudEvent>} as a batch,
 * for WebFlux and {@code WebClient}.
 * <p>
 * A single event is written in structured mode when the requested content type is
 * {@value JsonEventFormat#CONTENT_TYPE}, otherwise in the mode given by the
 * {@link #CONTENT_MODE_HINT} hint, otherwise (on the server) in the mode of the request
 * it answers, and otherwise in the {@linkplain #setContentMode(ContentMode) configured
 * mode}, binary by default.
 *
 * @since 0.1.0
 */
public class CloudEventHttpMessageWriter implements HttpMessageWriter<Object> {

	private static final Log logger = LogFactory.getLog(CloudEventHttpMessageWriter.class);

	/**
	 * Name of the write hint that carries the {@link ContentMode} of a single event.
	 */
	public static final String CONTENT_MODE_HINT = CloudEventHttpMessageWriter.class.getName() + ".contentMode";

	private final CloudEventHttpBinding binding;

	private ContentMode contentMode = ContentMode.BINARY;

	/**
	 * Create a writer that uses the given binding.
	 * @param binding the HTTP binding, with the application's JSON event format
	 */
	public CloudEventHttpMessageWriter(CloudEventHttpBinding binding) {
		this.binding = binding;
	}

	/**
	 * Return the HTTP binding this writer uses.
	 * @return the binding
	 */
	public CloudEventHttpBinding getBinding() {
		return this.binding;
	}

	/**
	 * Set the content mode of single events written without a hint, a structured content
	 * type or a request to answer. Default is {@link ContentMode#BINARY}.
	 * @param contentMode the content mode
	 */
	public void setContentMode(ContentMode contentMode) {
		this.contentMode = contentMode;
	}

	/**
	 * Return the content mode of single events written without a hint, a structured
	 * content type or a request to answer.
	 * @return the content mode
	 */
	public ContentMode getContentMode() {
		return this.contentMode;
	}

	@Override
	public List<MediaType> getWritableMediaTypes() {
		return CloudEventMediaTypes.ALL;
	}

	@Override
	public List<MediaType> getWritableMediaTypes(ResolvableType elementType) {
		return CloudEventMediaTypes.forType(elementType);
	}

	@Override
	public boolean canWrite(ResolvableType elementType, @Nullable MediaType mediaType) {
		return CloudEvent.class.isAssignableFrom(elementType.toClass())
				|| CloudEventMediaTypes.isBatchType(elementType);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Mono<Void> write(Publisher<?> inputStream, ResolvableType elementType, @Nullable MediaType mediaType,
			ReactiveHttpOutputMessage message, Map<String, Object> hints) {
		Mono<CloudEventHttpMessage> encoded;
		if (!CloudEvent.class.isAssignableFrom(elementType.toClass())) {
			encoded = Mono.from(inputStream)
				.map((events) -> encode(events, null, () -> this.binding.toBatch((List<CloudEvent>) events)));
		}
		else if (inputStream instanceof Mono) {
			ContentMode mode = contentModeFor(mediaType, hints);
			encoded = Mono.from(inputStream)
				.map((event) -> encode(event, mode, () -> this.binding.toHttp((CloudEvent) event, mode)));
		}
		else {
			encoded = Flux.from(inputStream)
				.cast(CloudEvent.class)
				.collectList()
				.map((events) -> encode(events, null, () -> this.binding.toBatch(events)));
		}
		return encoded.map((encodedMessage) -> writeTo(encodedMessage, message))
			.defaultIfEmpty(Mono.defer(message::setComplete))
			.flatMap(Function.identity());
	}

	@Override
	public Mono<Void> write(Publisher<?> inputStream, ResolvableType actualType, ResolvableType elementType,
			@Nullable MediaType mediaType, ServerHttpRequest request, ServerHttpResponse response,
			Map<String, Object> hints) {
		ContentMode requestMode = this.binding.contentMode(request.getHeaders());
		if (requestMode == null || hints.containsKey(CONTENT_MODE_HINT)) {
			return write(inputStream, elementType, mediaType, response, hints);
		}
		Map<String, Object> replyHints = new HashMap<>(hints);
		replyHints.put(CONTENT_MODE_HINT, requestMode);
		return write(inputStream, elementType, mediaType, response, replyHints);
	}

	private ContentMode contentModeFor(@Nullable MediaType mediaType, Map<String, Object> hints) {
		if (mediaType != null && mediaType.isConcrete() && JsonEventFormat.MEDIA_TYPE.equalsTypeAndSubtype(mediaType)) {
			return ContentMode.STRUCTURED;
		}
		return (hints.get(CONTENT_MODE_HINT) instanceof ContentMode mode) ? mode : this.contentMode;
	}

	private static CloudEventHttpMessage encode(Object events, @Nullable ContentMode mode, Encoding encoding) {
		try {
			CloudEventHttpMessage encoded = encoding.encode();
			EventLogging.debug(logger, "Writing", events, mode);
			return encoded;
		}
		catch (InvalidCloudEventException ex) {
			throw new EncodingException(String.valueOf(ex.getMessage()), ex);
		}
	}

	private static Mono<Void> writeTo(CloudEventHttpMessage encoded, ReactiveHttpOutputMessage message) {
		HttpHeaders headers = message.getHeaders();
		// in binary mode, Content-Type is the event's datacontenttype or nothing at all
		headers.remove(HttpHeaders.CONTENT_TYPE);
		headers.putAll(encoded.headers());
		headers.setContentLength(encoded.body().length);
		return message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(encoded.body())));
	}

	@FunctionalInterface
	private interface Encoding {

		CloudEventHttpMessage encode();

	}

}
