package dev.cloudevents.spring.interop;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.core.builder.CloudEventBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;

/**
 * Our events as the two peers take and give them: the reference SDK's event, the JSON
 * description {@code peer.mjs} reads and writes, and what a peer's sending does to an
 * event (see {@code src/test/js/PEER-NOTES.md}).
 */
final class PeerEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PeerEvents() {
	}

	/**
	 * The event built with the reference SDK's builder, extensions keeping their types.
	 */
	static io.cloudevents.CloudEvent toReferenceSdk(CloudEvent event) {
		CloudEventBuilder builder = (event.specVersion() == SpecVersion.V1_0) ? CloudEventBuilder.v1()
				: CloudEventBuilder.v03();
		builder.withId(event.id()).withSource(event.source()).withType(event.type());
		if (event.dataContentType() != null) {
			builder.withDataContentType(event.dataContentType());
		}
		if (event.dataSchema() != null) {
			builder.withDataSchema(event.dataSchema());
		}
		if (event.subject() != null) {
			builder.withSubject(event.subject());
		}
		if (event.time() != null) {
			builder.withTime(event.time());
		}
		event.extensions().forEach((name, value) -> {
			if (value instanceof Integer number) {
				builder.withExtension(name, number);
			}
			else if (value instanceof Boolean flag) {
				builder.withExtension(name, flag);
			}
			else {
				builder.withExtension(name, (String) value);
			}
		});
		if (event.data() != null) {
			builder.withData(event.data());
		}
		return builder.build();
	}

	/**
	 * The reference SDK's attributes and extensions by name, {@code specversion} as its
	 * string.
	 */
	static Map<String, Object> attributesOf(io.cloudevents.CloudEvent event) {
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String name : event.getAttributeNames()) {
			Object value = event.getAttribute(name);
			if (value != null) {
				attributes.put(name,
						(value instanceof io.cloudevents.SpecVersion version) ? version.toString() : value);
			}
		}
		for (String name : event.getExtensionNames()) {
			attributes.put(name, event.getExtension(name));
		}
		return attributes;
	}

	static byte[] dataOf(io.cloudevents.CloudEvent event) {
		return (event.getData() != null) ? event.getData().toBytes() : null;
	}

	/**
	 * The event as a receiver gets it from the reference SDK: extensions as strings in
	 * binary mode; in structured mode a 0.3 event's non-JSON data comes as
	 * {@code "datacontentencoding": "base64"}, which our reader keeps.
	 */
	static CloudEvent asReferenceSdkSends(CloudEvent event, ContentMode mode) {
		CloudEvent expected = InteropEvents.asCarriedIn(mode, event);
		if (mode == ContentMode.STRUCTURED && event.specVersion() == SpecVersion.V0_3 && event.hasData()
				&& !event.isJsonData()) {
			expected = expected.mutate().dataContentEncoding("base64").build();
		}
		return expected;
	}

	/**
	 * The event as a receiver gets it from the JavaScript SDK: extensions as strings in
	 * binary mode, {@code time} rewritten to UTC milliseconds.
	 */
	static CloudEvent asJavaScriptSdkSends(CloudEvent event, ContentMode mode) {
		return InteropEvents.asCarriedIn(mode, event.mutate().time(inUtcMilliseconds(event.time())).build());
	}

	/**
	 * The event in the CloudEvents JSON format, written by hand, for {@code peer.mjs} to
	 * send.
	 */
	static String toJavaScriptJson(CloudEvent event) {
		ObjectNode json = JSON.createObjectNode();
		event.attributes().forEach((name, value) -> putValue(json, name, value));
		if (event.time() != null) {
			json.put("time", event.attributeAsString("time"));
		}
		putData(json, event);
		return JSON.writeValueAsString(json);
	}

	/**
	 * The event as {@code peer.mjs} describes what the JavaScript SDK holds after reading
	 * it in the given mode: attributes as strings, {@code time} in UTC milliseconds,
	 * extensions as strings in binary mode and typed in structured mode, JSON data
	 * parsed, text data as a string, other data as {@code data_base64}.
	 */
	static ObjectNode asJavaScriptSdkHoldsIt(CloudEvent event, ContentMode mode) {
		ObjectNode json = JSON.createObjectNode();
		InteropEvents.asCarriedIn(mode, event).attributes().forEach((name, value) -> putValue(json, name, value));
		json.put("time", inUtcMilliseconds(event.time()).toInstant().toString());
		putData(json, event);
		return json;
	}

	private static void putValue(ObjectNode json, String name, Object value) {
		if (value instanceof Integer number) {
			json.put(name, number);
		}
		else if (value instanceof Boolean flag) {
			json.put(name, flag);
		}
		else {
			json.put(name, value.toString());
		}
	}

	private static void putData(ObjectNode json, CloudEvent event) {
		byte[] data = event.data();
		if (data == null) {
			return;
		}
		if (event.isJsonData()) {
			json.set("data", JSON.readTree(data));
		}
		else if (event.dataContentType() != null && event.dataContentType().startsWith("text/")) {
			json.put("data", new String(data, StandardCharsets.UTF_8));
		}
		else {
			json.put("data_base64", Base64.getEncoder().encodeToString(data));
		}
	}

	static OffsetDateTime inUtcMilliseconds(OffsetDateTime time) {
		return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
	}

}
