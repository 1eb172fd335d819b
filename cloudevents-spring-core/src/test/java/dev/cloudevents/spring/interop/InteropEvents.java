package dev.cloudevents.spring.interop;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

/**
 * The events the interoperability tests exchange, for each spec version: JSON, text and
 * binary data and no data, with every optional attribute and a String, an Integer and a
 * Boolean extension. No attribute value needs percent-encoding, since neither peer
 * implements it.
 */
final class InteropEvents {

	/** Fractional seconds beyond milliseconds and a non-UTC offset. */
	static final OffsetDateTime TIME = OffsetDateTime.parse("2024-05-06T07:08:09.123456789+02:00");

	static final String JSON_DATA = "{\"orderId\":\"42\",\"lines\":[{\"sku\":\"A-1\",\"qty\":3}],\"paid\":true,\"note\":null}";

	static final String TEXT_DATA = "Gr\u00FC\u00DFe, \u20AC 5 \uD83D\uDE00";

	private InteropEvents() {
	}

	/**
	 * Every event of both spec versions, in both content modes.
	 */
	static Stream<Arguments> inBothModes() {
		return Stream.of(ContentMode.values()).flatMap((mode) -> all().map((event) -> Arguments.of(mode, event)));
	}

	static Stream<InteropEvent> all() {
		return Stream.of(SpecVersion.V1_0, SpecVersion.V0_3)
			.flatMap((version) -> Stream.of(json(version), text(version), binary(version), noData(version)));
	}

	static InteropEvent json(SpecVersion version) {
		return new InteropEvent("JSON data " + version,
				base(version, "json").data("application/json", JSON_DATA.getBytes(StandardCharsets.UTF_8)).build());
	}

	static InteropEvent text(SpecVersion version) {
		return new InteropEvent("text data " + version,
				base(version, "text").data("text/plain", TEXT_DATA.getBytes(StandardCharsets.UTF_8)).build());
	}

	static InteropEvent binary(SpecVersion version) {
		byte[] bytes = new byte[256];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		return new InteropEvent("binary data " + version,
				base(version, "binary").data("application/octet-stream", bytes).build());
	}

	static InteropEvent noData(SpecVersion version) {
		return new InteropEvent("no data " + version, base(version, "none").dataSchema(null).build());
	}

	private static CloudEvent.Builder base(SpecVersion version, String kind) {
		return CloudEvent.builder()
			.specVersion(version)
			.id("interop-" + kind + "-" + version.value())
			.source("https://example.com/orders")
			.type("com.example.order.created")
			.subject("orders/42")
			.time(TIME)
			.dataSchema(URI.create("https://example.com/schemas/order-" + kind + ".json"))
			.extension("tenant", "acme")
			.extension("priority", 42)
			.extension("urgent", true);
	}

	/**
	 * Return the event as binary mode carries it: every extension value becomes its
	 * canonical string, since a header cannot say which type it had (HTTP binding
	 * 3.1.3.1).
	 */
	static CloudEvent asCarriedInBinaryMode(CloudEvent event) {
		CloudEvent.Builder builder = event.mutate();
		for (Map.Entry<String, Object> extension : event.extensions().entrySet()) {
			builder.extension(extension.getKey(), event.attributeAsString(extension.getKey()));
		}
		return builder.build();
	}

	static CloudEvent asCarriedIn(ContentMode mode, CloudEvent event) {
		return (mode == ContentMode.BINARY) ? asCarriedInBinaryMode(event) : event;
	}

	static CloudEventHttpMessage encode(CloudEvent event, ContentMode mode) {
		return (mode == ContentMode.BINARY) ? CloudEventHttp.toBinary(event) : CloudEventHttp.toStructured(event);
	}

	/**
	 * The name of a content mode as the peers spell it.
	 */
	static String modeName(ContentMode mode) {
		return mode.name().toLowerCase(Locale.ROOT);
	}

	record InteropEvent(String name, CloudEvent event) {

		@Override
		public String toString() {
			return this.name;
		}

	}

}
