package dev.cloudevents.spring.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.core.builder.CloudEventBuilder;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;

/**
 * The inputs every benchmark shares: one event's attributes and JSON data, written once
 * as bytes (a structured-mode JSON document, binary-mode headers and body) and built once
 * as an event of each library. Both libraries always get the same bytes.
 */
public final class Inputs {

	static final String SOURCE = "https://example.com/orders";

	static final String TYPE = "com.example.order.created";

	static final String SUBJECT = "order-42";

	static final String TIME = "2025-06-01T12:34:56.789Z";

	static final String CONTENT_TYPE = "application/json";

	static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

	private Inputs() {
	}

	/**
	 * Return the id of the event with the given number.
	 * @param number the number, 0 for a single event
	 * @return the id
	 */
	public static String id(int number) {
		return "6f1c2a9e-4b7d-4e21-9a53-%012d".formatted(number);
	}

	/**
	 * Return deterministic JSON data of an order with as many line items as it takes to
	 * reach the size.
	 * @param size the size
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] data(EventSize size) {
		StringBuilder json = new StringBuilder(size.dataBytes() + 256);
		json.append("{\"orderId\":\"order-42\",\"customer\":{\"id\":\"c-1001\",\"name\":\"Ada Lovelace\",")
			.append("\"email\":\"ada@example.com\",\"vip\":true},\"items\":[");
		int item = 0;
		while (json.length() < size.dataBytes() - 20) {
			if (item > 0) {
				json.append(',');
			}
			json.append(
					"{\"sku\":\"SKU-%05d\",\"name\":\"Widget %d\",\"quantity\":%d,\"price\":%d.%02d,\"tags\":[\"blue\",\"large\"]}"
						.formatted(item, item, 1 + item % 7, 10 + item % 90, item % 100));
			item++;
		}
		json.append("],\"total\":").append(item * 42).append('}');
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return an event in the JSON event format, its data embedded as a JSON value.
	 * @param number the event number (its id)
	 * @param data the JSON data
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] structured(int number, byte[] data) {
		String head = "{\"specversion\":\"1.0\",\"id\":\"" + id(number) + "\",\"source\":\"" + SOURCE + "\",\"type\":\""
				+ TYPE + "\",\"subject\":\"" + SUBJECT + "\",\"time\":\"" + TIME + "\",\"datacontenttype\":\""
				+ CONTENT_TYPE + "\",\"traceparent\":\"" + TRACEPARENT + "\",\"data\":";
		byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
		byte[] json = new byte[headBytes.length + data.length + 1];
		System.arraycopy(headBytes, 0, json, 0, headBytes.length);
		System.arraycopy(data, 0, json, headBytes.length, data.length);
		json[json.length - 1] = '}';
		return json;
	}

	/**
	 * Return a batch of small events in the JSON event format.
	 * @param events the JSON of each event
	 * @return the UTF-8 JSON bytes of the array
	 */
	public static byte[] batch(byte[][] events) {
		int length = 1 + events.length; // brackets and commas
		for (byte[] event : events) {
			length += event.length;
		}
		byte[] json = new byte[length];
		json[0] = '[';
		int position = 1;
		for (int i = 0; i < events.length; i++) {
			if (i > 0) {
				json[position++] = ',';
			}
			System.arraycopy(events[i], 0, json, position, events[i].length);
			position += events[i].length;
		}
		json[position] = ']';
		return json;
	}

	/**
	 * Return the binary-mode headers of the event, names as a client usually writes them.
	 * @return the header names and values, in order
	 */
	public static Map<String, String> binaryHeaders() {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce-specversion", "1.0");
		headers.put("ce-id", id(0));
		headers.put("ce-source", SOURCE);
		headers.put("ce-type", TYPE);
		headers.put("ce-subject", SUBJECT);
		headers.put("ce-time", TIME);
		headers.put("ce-traceparent", TRACEPARENT);
		headers.put("Content-Type", CONTENT_TYPE);
		return headers;
	}

	/**
	 * Return the binary-mode headers as Spring's {@link HttpHeaders}.
	 * @return the headers
	 */
	public static HttpHeaders binaryHttpHeaders() {
		HttpHeaders headers = new HttpHeaders();
		binaryHeaders().forEach(headers::add);
		return headers;
	}

	/**
	 * Build the event with our builder.
	 * @param data the JSON data
	 * @return the event
	 */
	public static CloudEvent ours(byte[] data) {
		return CloudEvent.strictBuilder()
			.specVersion(SpecVersion.V1_0)
			.id(id(0))
			.source(URI.create(SOURCE))
			.type(TYPE)
			.subject(SUBJECT)
			.time(OffsetDateTime.parse(TIME))
			.extension("traceparent", TRACEPARENT)
			.data(CONTENT_TYPE, data)
			.build();
	}

	/**
	 * Build the event with the reference SDK's builder.
	 * @param data the JSON data
	 * @return the event
	 */
	public static io.cloudevents.CloudEvent reference(byte[] data) {
		return CloudEventBuilder.v1()
			.withId(id(0))
			.withSource(URI.create(SOURCE))
			.withType(TYPE)
			.withSubject(SUBJECT)
			.withTime(OffsetDateTime.parse(TIME))
			.withExtension("traceparent", TRACEPARENT)
			.withData(CONTENT_TYPE, data)
			.build();
	}

}
