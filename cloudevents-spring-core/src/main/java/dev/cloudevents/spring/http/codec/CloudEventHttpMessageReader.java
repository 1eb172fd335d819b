package dev.cloudevents.spring.http.codec;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpRequest;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventCodecSupport;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * An {@link HttpMessageReader} that reads a {@link CloudEvent} in binary or structured
 * content mode and a {@code List<CloudEvent>} from a batch, for WebFlux (annotated
 * controllers and functional endpoints) and {@code WebClient}.
 * <p>
 * As a {@code Flux<CloudEvent>}, a batch is read as its events and a single event as a
 * flux of one; a {@code List<CloudEvent>} target also reads a single event as a list of
 * one. The body is joined in memory up to {@linkplain #setMaxBodySize(DataSize) a limit}.
 * On the server side, failures are raised as {@link CloudEventRequestException} (400, 413
 * or 415 with a problem detail); on the client side, as {@link DecodingException} or
 * {@link DataBufferLimitException}.
 */
public class CloudEventHttpMessageReader extends CloudEventCodecSupport implements HttpMessageReader<Object> {

	/**
	 * Create a reader that uses the given binding.
	 * @param binding the HTTP binding, with the application's JSON event format
	 */
	public CloudEventHttpMessageReader(CloudEventHttpBinding binding) {
		super(binding);
	}

	@Override
	public boolean canRead(ResolvableType elementType, @Nullable MediaType mediaType) {
		return elementType.toClass() == CloudEvent.class || isBatchType(elementType);
	}

	@Override
	public List<MediaType> getReadableMediaTypes(ResolvableType elementType) {
		return mediaTypesFor(elementType);
	}

	@Override
	public List<MediaType> getReadableMediaTypes() {
		return MEDIA_TYPES;
	}

	@Override
	public Flux<Object> read(ResolvableType elementType, ReactiveHttpInputMessage message, Map<String, Object> hints) {
		if (elementType.toClass() == CloudEvent.class) {
			return readBody(message, (body) -> decodeEvents(message, body)).flatMapIterable(Function.identity());
		}
		return readMono(elementType, message, hints).flux();
	}

	@Override
	public Mono<Object> readMono(ResolvableType elementType, ReactiveHttpInputMessage message,
			Map<String, Object> hints) {
		boolean single = elementType.toClass() == CloudEvent.class;
		return readBody(message, (body) -> decodeOrFail(single, message, body));
	}

	@SuppressWarnings("unchecked")
	private List<CloudEvent> decodeEvents(ReactiveHttpInputMessage message, byte[] body) {
		return (List<CloudEvent>) decodeOrFail(false, message, body);
	}

	private Object decodeOrFail(boolean single, ReactiveHttpInputMessage message, byte[] body) {
		try {
			return decode(single, headers(message), body);
		}
		catch (InvalidCloudEventException ex) {
			if (message instanceof ServerHttpRequest) {
				throw CloudEventRequestException.of(ex);
			}
			throw new DecodingException(String.valueOf(ex.getMessage()), ex);
		}
	}

	private static HttpHeaders headers(ReactiveHttpInputMessage message) {
		if (NettyRequestHeaders.present) {
			HttpHeaders copy = NettyRequestHeaders.copy(message, bindingHeaders(16),
					CloudEventCodecSupport::isBindingHeader);
			if (copy != null) {
				return copy;
			}
		}
		return message.getHeaders();
	}

	private <T> Mono<T> readBody(ReactiveHttpInputMessage message, Function<byte[], T> decode) {
		int max = maxBodyBytes();
		long contentLength = message.getHeaders().getContentLength();
		if (max >= 0 && contentLength > max) {
			return Mono.error(tooLarge(message, max));
		}
		return message.getBody().collect(new BodyCollector<>(max, contentLength, () -> tooLarge(message, max), decode));
	}

	private static RuntimeException tooLarge(ReactiveHttpInputMessage message, int max) {
		if (message instanceof ServerHttpRequest) {
			return CloudEventRequestException.tooLarge(max);
		}
		return new DataBufferLimitException("Body exceeds the limit of " + max + " bytes");
	}

}
