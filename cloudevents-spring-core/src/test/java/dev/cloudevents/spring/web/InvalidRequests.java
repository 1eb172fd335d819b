package dev.cloudevents.spring.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.cloudevents.spring.InvalidEvents;

/**
 * Invalid requests beyond the JSON corpus of {@link InvalidEvents}: binary mode headers,
 * unsupported formats, batches where a single event is expected and bodies over the
 * limit, each with the status and a fragment of the {@code detail} a receiver must answer
 * with.
 */
final class InvalidRequests {

	private static final String[] BINARY = { "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/src", "ce-type",
			"t" };

	private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/src\",\"type\":\"t\"}";

	private InvalidRequests() {
	}

	/**
	 * An invalid request.
	 *
	 * @param name what is wrong, as a test name
	 * @param path where to post it
	 * @param headers header names and values, alternately; a name may repeat
	 * @param body the body
	 * @param status the status the receiver must answer with
	 * @param expectedDetail a fragment the problem's {@code detail} must contain
	 */
	record InvalidRequest(String name, String path, List<String> headers, byte[] body, int status,
			String expectedDetail) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * Return every request, for a receiver whose body limit is {@code maxBodyBytes}.
	 */
	static List<InvalidRequest> all(int maxBodyBytes) {
		List<InvalidRequest> requests = new ArrayList<>();
		requests.add(binary("binary mode without ce-id", without("ce-id"), 400, "Attribute 'id' is required"));
		requests.add(binary("binary mode without ce-specversion", without("ce-specversion"), 400,
				"Attribute 'specversion' is required"));
		requests.add(binary("binary mode with ce-specversion 2.0", replaced("ce-specversion", "2.0"), 400,
				"'2.0' is not a supported version"));
		requests.add(binary("binary mode with a ce-time that is not RFC 3339", with("ce-time", "yesterday"), 400,
				"Attribute 'time' must be an RFC 3339 timestamp"));
		requests.add(binary("binary mode with an extension header ce-my_ext", with("ce-my_ext", "x"), 400,
				"Attribute 'my_ext' is not a valid extension name"));
		requests.add(binary("binary mode with ce-datacontenttype", with("ce-datacontenttype", "text/plain"), 400,
				"header 'ce-datacontenttype' must not be present"));
		requests.add(binary("binary mode with %C0%A0 (overlong UTF-8) in ce-subject", with("ce-subject", "%C0%A0"), 400,
				"not valid UTF-8"));
		requests.add(binary("binary mode with a '%' not followed by hex digits", with("ce-subject", "50% off"), 400,
				"two hex digits"));
		requests
			.add(binary("binary mode with ce-id twice", with("ce-id", "2"), 400, "Attribute 'id' must be sent once"));
		requests.add(binary("binary mode with a Content-Type that is not a media type",
				with("Content-Type", "not a media type"), 400, "datacontenttype"));
		requests.add(new InvalidRequest("no CloudEvent at all", "/", List.of(), new byte[0], 400,
				"Attribute 'specversion' is required"));
		requests.add(new InvalidRequest("structured mode in application/cloudevents+avro", "/",
				List.of("Content-Type", "application/cloudevents+avro"), new byte[] { 0, 1, 2 }, 415,
				"is not supported"));
		requests.add(new InvalidRequest("a batch to a single-event endpoint", "/",
				List.of("Content-Type", InvalidEvents.BATCH), bytes("[" + EVENT + "]"), 415, "announces a batch"));
		requests.add(new InvalidRequest("JSON that is no CloudEvent to a batch endpoint", "/batch",
				List.of("Content-Type", "application/json"), bytes("[" + EVENT + "]"), 400,
				"Attribute 'specversion' is required"));
		// Spring Framework 7.0.8 fails to parse a media type that starts with a quote
		// (spring-framework#36971): a 500 wherever Spring reads the header
		List<String> unparseableAccept = without("ce-id");
		unparseableAccept.addAll(List.of("Accept", "\"a/b"));
		requests.add(new InvalidRequest("an invalid event with an Accept header Spring fails to parse", "/",
				unparseableAccept, bytes("{}"), 400, "Accept"));
		byte[] tooLarge = new byte[maxBodyBytes + 1];
		Arrays.fill(tooLarge, (byte) 'x');
		requests.add(new InvalidRequest("binary mode body over the limit", "/",
				with("Content-Type", "application/octet-stream"), tooLarge, 413, "Body exceeds the limit"));
		requests.add(new InvalidRequest("structured mode body over the limit", "/",
				List.of("Content-Type", InvalidEvents.EVENT), structuredOfSize(maxBodyBytes + 1), 413,
				"Body exceeds the limit"));
		return requests;
	}

	private static InvalidRequest binary(String name, List<String> headers, int status, String expectedDetail) {
		return new InvalidRequest(name, "/", headers, bytes("{}"), status, expectedDetail);
	}

	private static List<String> with(String name, String value) {
		List<String> headers = new ArrayList<>(List.of(BINARY));
		headers.add(name);
		headers.add(value);
		return headers;
	}

	private static List<String> without(String name) {
		List<String> headers = new ArrayList<>(List.of(BINARY));
		int index = headers.indexOf(name);
		headers.subList(index, index + 2).clear();
		return headers;
	}

	private static List<String> replaced(String name, String value) {
		List<String> headers = new ArrayList<>(List.of(BINARY));
		headers.set(headers.indexOf(name) + 1, value);
		return headers;
	}

	/** A valid structured event whose data pads it to {@code size} bytes. */
	private static byte[] structuredOfSize(int size) {
		String prefix = EVENT.substring(0, EVENT.length() - 1) + ",\"data\":\"";
		String suffix = "\"}";
		return bytes(prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
