package dev.cloudevents.spring.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudevents.core.builder.CloudEventBuilder;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;

/**
 * The inputs every benchmark shares: events' attributes and JSON data, written once as
 * bytes (a structured-mode JSON document, binary-mode headers and body) and built once as
 * an event of each library, from the same bytes and strings. Both libraries always get
 * the same bytes.
 * <p>
 * Event number 0 is the one event of the single-event inputs; events 0 to
 * {@link #ROTATION}{@code - 1} differ in {@code id}, {@code source}, {@code subject} and
 * {@code time}, so that a benchmark that cycles through them meets each value for the
 * first time as far as any cache of recent values can tell.
 */
public final class Inputs {

	/**
	 * How many distinct events the rotating inputs cycle through: more than any cache of
	 * recent values holds.
	 */
	public static final int ROTATION = 1024;

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
	 * @param number the event number
	 * @return the id
	 */
	public static String id(int number) {
		return "6f1c2a9e-4b7d-4e21-9a53-%012d".formatted(number);
	}

	/**
	 * Return the {@code source} of the event with the given number.
	 * @param number the event number
	 * @return the source, a URI-reference
	 */
	public static String source(int number) {
		return (number == 0) ? SOURCE : "https://shop-%d.example.com/orders".formatted(number);
	}

	/**
	 * Return the {@code subject} of the event with the given number.
	 * @param number the event number
	 * @return the subject
	 */
	public static String subject(int number) {
		return (number == 0) ? SUBJECT : "order-" + (42 + number);
	}

	/**
	 * Return the {@code time} of the event with the given number, as a sender writes it
	 * ({@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}).
	 * @param number the event number
	 * @return the RFC 3339 timestamp
	 */
	public static String time(int number) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(OffsetDateTime.parse(TIME).plusSeconds(number * 37L).plusNanos(number * 1_000_000L));
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
			json.append(item(item));
			item++;
		}
		json.append("],\"total\":").append(item * 42).append('}');
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Return deterministic JSON data of an order of exactly the given length: line items
	 * while they fit, then a string member that pads it.
	 * @param length the length in bytes, at least 64
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] data(int length) {
		StringBuilder json = new StringBuilder(length);
		json.append("{\"orderId\":\"order-42\",\"items\":[");
		String closing = "],\"note\":\"\"}";
		int item = 0;
		while (true) {
			String next = ((item > 0) ? "," : "") + item(item);
			if (json.length() + next.length() + closing.length() > length) {
				break;
			}
			json.append(next);
			item++;
		}
		json.append("],\"note\":\"");
		json.append("x".repeat(length - json.length() - 2)).append("\"}");
		return json.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String item(int item) {
		return "{\"sku\":\"SKU-%05d\",\"name\":\"Widget %d\",\"quantity\":%d,\"price\":%d.%02d,\"tags\":[\"blue\",\"large\"]}"
			.formatted(item, item, 1 + item % 7, 10 + item % 90, item % 100);
	}

	/**
	 * Return an event in the JSON event format, its data embedded as a JSON value.
	 * @param number the event number
	 * @param data the JSON data
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] structured(int number, byte[] data) {
		return structured(id(number), number, data);
	}

	/**
	 * Return event 0 in the JSON event format with the id of another: the events of a
	 * batch that differ in {@code id} only.
	 * @param number the event number whose id it has
	 * @param data the JSON data
	 * @return the UTF-8 JSON bytes
	 */
	public static byte[] structuredWithId(int number, byte[] data) {
		return structured(id(number), 0, data);
	}

	private static byte[] structured(String id, int number, byte[] data) {
		String head = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source(number) + "\",\"type\":\""
				+ TYPE + "\",\"subject\":\"" + subject(number) + "\",\"time\":\"" + time(number)
				+ "\",\"datacontenttype\":\"" + CONTENT_TYPE + "\",\"traceparent\":\"" + TRACEPARENT + "\",\"data\":";
		byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
		byte[] json = new byte[headBytes.length + data.length + 1];
		System.arraycopy(headBytes, 0, json, 0, headBytes.length);
		System.arraycopy(data, 0, json, headBytes.length, data.length);
		json[json.length - 1] = '}';
		return json;
	}

	/**
	 * Return the structured-mode documents of events {@code 0} to {@code count - 1}.
	 * @param count how many
	 * @param data the JSON data of each
	 * @return the UTF-8 JSON bytes of each
	 */
	public static byte[][] structuredDocuments(int count, byte[] data) {
		byte[][] documents = new byte[count][];
		for (int i = 0; i < count; i++) {
			documents[i] = structured(i, data);
		}
		return documents;
	}

	/**
	 * Return a batch of events in the JSON event format.
	 * @param events the JSON of each event
	 * @return the UTF-8 JSON bytes of the array
	 */
	public static byte[] batch(byte[][] events) {
		int length = 1 + Math.max(1, events.length); // brackets and commas
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
	 * Return the binary-mode headers of an event, names as a client usually writes them.
	 * @param number the event number
	 * @return the header names and values, in order
	 */
	public static Map<String, String> binaryHeaders(int number) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("ce-specversion", "1.0");
		headers.put("ce-id", id(number));
		headers.put("ce-source", source(number));
		headers.put("ce-type", TYPE);
		headers.put("ce-subject", subject(number));
		headers.put("ce-time", time(number));
		headers.put("ce-traceparent", TRACEPARENT);
		headers.put("Content-Type", CONTENT_TYPE);
		return headers;
	}

	/**
	 * Return the binary-mode headers of an event as Spring's {@link HttpHeaders}.
	 * @param number the event number
	 * @return the headers
	 */
	public static HttpHeaders binaryHttpHeaders(int number) {
		HttpHeaders headers = new HttpHeaders();
		binaryHeaders(number).forEach(headers::add);
		return headers;
	}

	/**
	 * Build an event with our builder, as a sender does: from strings and the data bytes.
	 * @param number the event number
	 * @param data the JSON data
	 * @return the event
	 */
	public static CloudEvent ours(int number, byte[] data) {
		return CloudEvent.builder()
			.specVersion(SpecVersion.V1_0)
			.id(id(number))
			.source(URI.create(source(number)))
			.type(TYPE)
			.subject(subject(number))
			.time(OffsetDateTime.parse(time(number)))
			.extension("traceparent", TRACEPARENT)
			.data(CONTENT_TYPE, data)
			.build();
	}

	/**
	 * Build an event with the reference SDK's builder, as a sender does: from strings and
	 * the data bytes.
	 * @param number the event number
	 * @param data the JSON data
	 * @return the event
	 */
	public static io.cloudevents.CloudEvent reference(int number, byte[] data) {
		return CloudEventBuilder.v1()
			.withId(id(number))
			.withSource(URI.create(source(number)))
			.withType(TYPE)
			.withSubject(subject(number))
			.withTime(OffsetDateTime.parse(time(number)))
			.withExtension("traceparent", TRACEPARENT)
			.withData(CONTENT_TYPE, data)
			.build();
	}

}
