package dev.cloudevents.spring.http.codec;

import java.util.List;

import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * The media types the reader and writer declare, and the types they handle.
 */
final class CloudEventMediaTypes {

	static final List<MediaType> ALL = List.of(JsonEventFormat.MEDIA_TYPE, JsonEventFormat.BATCH_MEDIA_TYPE,
			MediaType.ALL);

	// binary mode carries any content type: a concrete type here would make content
	// negotiation choose structured mode for every reply
	private static final List<MediaType> EVENT = List.of(MediaType.ALL);

	private static final List<MediaType> BATCH = List.of(JsonEventFormat.BATCH_MEDIA_TYPE, MediaType.ALL);

	private CloudEventMediaTypes() {
	}

	static List<MediaType> forType(ResolvableType type) {
		if (CloudEvent.class.isAssignableFrom(type.toClass())) {
			return EVENT;
		}
		return isBatchType(type) ? BATCH : List.of();
	}

	static boolean isBatchType(ResolvableType type) {
		return List.class.isAssignableFrom(type.toClass())
				&& type.as(List.class).getGeneric().toClass() == CloudEvent.class;
	}

}
