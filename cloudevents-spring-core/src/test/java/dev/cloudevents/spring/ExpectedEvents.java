package dev.cloudevents.spring;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * What an event looks like after a trip through an encoding, computed from the event
 * itself by the rules of the spec, never by the code under test, for property tests to
 * compare with.
 */
public final class ExpectedEvents {

	private ExpectedEvents() {
	}

	/**
	 * The event after the JSON format: the same event, except that a 0.3 event whose data
	 * must be written in Base64 (bytes that are not JSON or UTF-8 text) says so with
	 * {@code datacontentencoding}.
	 * @param event the event written
	 * @return the event read back
	 */
	public static CloudEvent afterJsonFormat(CloudEvent event) {
		if (event.specVersion() == SpecVersion.V0_3 && event.hasData() && isBinary(event)) {
			return event.mutate().dataContentEncoding("base64").build();
		}
		return event;
	}

	/**
	 * The event after binary mode: headers carry every extension as its canonical string,
	 * the body is the data itself (so 0.3's {@code datacontentencoding} has nothing to
	 * say), and an empty body is no data.
	 * @param event the event written
	 * @return the event read back
	 */
	public static CloudEvent afterBinaryMode(CloudEvent event) {
		CloudEvent.Builder expected = event.mutate().dataContentEncoding(null);
		event.extensions().keySet().forEach((name) -> expected.extension(name, event.attributeAsString(name)));
		byte[] data = event.data();
		if (data != null && data.length == 0) {
			expected.data((byte[]) null);
		}
		return expected.build();
	}

	private static boolean isBinary(CloudEvent event) {
		String contentType = event.dataContentType();
		if (contentType == null) {
			return true;
		}
		if (JsonEventFormat.isJsonContentType(contentType)) {
			return false;
		}
		String type = MimeTypeUtils.parseMimeType(contentType).getType();
		boolean text = type.equals("text") || contentType.contains("xml") || contentType.contains("charset");
		return !text || !isUtf8(event.data());
	}

	private static boolean isUtf8(byte[] bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

}
