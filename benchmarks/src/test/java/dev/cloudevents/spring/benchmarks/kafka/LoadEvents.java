package dev.cloudevents.spring.benchmarks.kafka;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import dev.cloudevents.spring.CloudEvent;

/**
 * The event of every run: the one {@code e2e.sh} posts over HTTP (about 300 bytes of JSON
 * data, subject, time and a traceparent), with the sequence number as its id.
 */
final class LoadEvents {

	static final byte[] DATA = ("{\"orderId\":\"order-42\",\"customer\":{\"id\":\"c-1001\",\"name\":\"Ada Lovelace\","
			+ "\"email\":\"ada@example.com\",\"vip\":true},\"items\":[{\"sku\":\"SKU-00000\",\"name\":\"Widget 0\","
			+ "\"quantity\":1,\"price\":10.00,\"tags\":[\"blue\",\"large\"]},{\"sku\":\"SKU-00001\",\"name\":\"Widget 1\","
			+ "\"quantity\":2,\"price\":11.01,\"tags\":[\"blue\",\"large\"]}],\"total\":84}")
		.getBytes(StandardCharsets.UTF_8);

	private static final URI SOURCE = URI.create("https://example.com/orders");

	private static final OffsetDateTime TIME = OffsetDateTime.parse("2025-06-01T12:34:56.789Z");

	private LoadEvents() {
	}

	static CloudEvent event(int sequence) {
		return CloudEvent.builder()
			.id(Sequences.id(sequence))
			.source(SOURCE)
			.type("com.example.order.created")
			.subject("order-42")
			.time(TIME)
			.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.data("application/json", DATA)
			.build();
	}

}
