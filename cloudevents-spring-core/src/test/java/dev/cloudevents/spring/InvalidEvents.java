package dev.cloudevents.spring;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A corpus of invalid events in the JSON format, as data, for every layer that reads
 * them: the JSON format directly, and the HTTP binding and web adapters in structured and
 * batch mode. Each case must be rejected with an {@link InvalidCloudEventException} whose
 * message contains {@link InvalidEvent#expectedMessage()}.
 */
public final class InvalidEvents {

	/** Content type of single events. */
	public static final String EVENT = "application/cloudevents+json";

	/** Content type of batches. */
	public static final String BATCH = "application/cloudevents-batch+json";

	private static final String BASE = "'specversion':'1.0','id':'1','source':'/src','type':'t'";

	private static final String BASE_03 = "'specversion':'0.3','id':'1','source':'/src','type':'t'";

	/** U+D800 encoded as if it were a character: CESU-8, not UTF-8. */
	private static final byte[] SURROGATE = { (byte) 0xED, (byte) 0xA0, (byte) 0x80 };

	/** '/' in two bytes instead of one. */
	private static final byte[] OVERLONG = { (byte) 0xC0, (byte) 0xAF };

	/** 'i' in two bytes, which Jackson reads as 'i'. */
	private static final byte[] OVERLONG_I = { (byte) 0xC1, (byte) 0xA9 };

	/** U+110000, beyond Unicode. */
	private static final byte[] ABOVE_MAX = { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 };

	/** The first two bytes of the three of '€'. */
	private static final byte[] TRUNCATED = { (byte) 0xE2, (byte) 0x82 };

	private static final byte[] CONTINUATION = { (byte) 0x80 };

	private static final List<InvalidEvent> ALL = build();

	private InvalidEvents() {
	}

	/**
	 * An invalid body.
	 *
	 * @param name what is wrong, as a test name
	 * @param body the bytes
	 * @param contentType {@link #EVENT} or {@link #BATCH}
	 * @param expectedMessage a fragment the exception message must contain
	 */
	public record InvalidEvent(String name, byte[] body, String contentType, String expectedMessage) {

		/**
		 * Return whether the body is meant to be read as a batch.
		 * @return whether the content type is {@link #BATCH}
		 */
		public boolean isBatch() {
			return BATCH.equals(this.contentType);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * Return every case.
	 * @return the cases
	 */
	public static List<InvalidEvent> all() {
		return ALL;
	}

	/**
	 * Return the cases that are single events.
	 * @return the cases
	 */
	public static Stream<InvalidEvent> events() {
		return ALL.stream().filter((invalid) -> !invalid.isBatch());
	}

	/**
	 * Return the cases that are batches.
	 * @return the cases
	 */
	public static Stream<InvalidEvent> batches() {
		return ALL.stream().filter(InvalidEvent::isBatch);
	}

	private static List<InvalidEvent> build() {
		List<InvalidEvent> cases = new ArrayList<>();
		// required attributes
		event(cases, "missing specversion", "{'id':'1','source':'/src','type':'t'}",
				"Attribute 'specversion' is required");
		event(cases, "null specversion", "{'specversion':null,'id':'1','source':'/src','type':'t'}",
				"Attribute 'specversion' is required");
		event(cases, "unknown specversion", "{'specversion':'2.0','id':'1','source':'/src','type':'t'}",
				"'2.0' is not a supported version");
		event(cases, "numeric specversion", "{'specversion':1.0,'id':'1','source':'/src','type':'t'}",
				"Attribute 'specversion' must be a JSON string but was a number");
		event(cases, "missing id", "{'specversion':'1.0','source':'/src','type':'t'}", "Attribute 'id' is required");
		event(cases, "null id", "{'specversion':'1.0','id':null,'source':'/src','type':'t'}",
				"Attribute 'id' is required");
		event(cases, "empty id", "{'specversion':'1.0','id':'','source':'/src','type':'t'}",
				"Attribute 'id' must not be empty");
		event(cases, "numeric id", "{'specversion':'1.0','id':42,'source':'/src','type':'t'}",
				"Attribute 'id' must be a JSON string but was a number");
		event(cases, "missing source", "{'specversion':'1.0','id':'1','type':'t'}", "Attribute 'source' is required");
		event(cases, "empty source", "{'specversion':'1.0','id':'1','source':'','type':'t'}",
				"Attribute 'source' must not be empty");
		event(cases, "source not a URI-reference", "{'specversion':'1.0','id':'1','source':'a b','type':'t'}",
				"Attribute 'source' must be a URI-reference");
		event(cases, "source as an object", "{'specversion':'1.0','id':'1','source':{},'type':'t'}",
				"Attribute 'source' must be a JSON string but was an object");
		event(cases, "missing type", "{'specversion':'1.0','id':'1','source':'/src'}", "Attribute 'type' is required");
		event(cases, "empty type", "{'specversion':'1.0','id':'1','source':'/src','type':''}",
				"Attribute 'type' must not be empty");
		event(cases, "boolean type", "{'specversion':'1.0','id':'1','source':'/src','type':true}",
				"Attribute 'type' must be a JSON string but was a boolean");
		event(cases, "duplicate id", "{" + BASE + ",'id':'2'}", "Attribute 'id' appears more than once");
		event(cases, "duplicate extension", "{" + BASE + ",'myext':'a','myext':'b'}",
				"Attribute 'myext' appears more than once");
		// strings
		event(cases, "control character in id", "{'specversion':'1.0','id':'a\\u0001','source':'/src','type':'t'}",
				"Attribute 'id' must not contain the control character U+0001");
		event(cases, "line feed in subject", "{" + BASE + ",'subject':'a\\nb'}",
				"Attribute 'subject' must not contain the control character U+000A");
		event(cases, "unpaired surrogate in type", "{'specversion':'1.0','id':'1','source':'/src','type':'\\ud800'}",
				"Attribute 'type' must not contain the unpaired surrogate U+D800");
		// timestamps
		event(cases, "time without seconds", "{" + BASE + ",'time':'2018-04-05T17:31Z'}",
				"Attribute 'time' must be an RFC 3339 timestamp but was '2018-04-05T17:31Z'");
		event(cases, "time without offset", "{" + BASE + ",'time':'2018-04-05T17:31:00'}",
				"Attribute 'time' must be an RFC 3339 timestamp");
		event(cases, "time on a day that does not exist", "{" + BASE + ",'time':'2018-02-30T17:31:00Z'}",
				"Attribute 'time' must be an RFC 3339 timestamp");
		event(cases, "time in words", "{" + BASE + ",'time':'yesterday'}",
				"Attribute 'time' must be an RFC 3339 timestamp");
		event(cases, "time as a number", "{" + BASE + ",'time':1522949460}",
				"Attribute 'time' must be a JSON string but was a number");
		// other core attributes
		event(cases, "relative dataschema", "{" + BASE + ",'dataschema':'/schema'}",
				"Attribute 'dataschema' must be an absolute URI");
		event(cases, "numeric schemaurl in 0.3", "{" + BASE_03 + ",'schemaurl':5}",
				"Attribute 'schemaurl' must be a JSON string but was a number");
		event(cases, "datacontenttype not a media type", "{" + BASE + ",'datacontenttype':'not a media type'}",
				"Attribute 'datacontenttype' must be a media type");
		event(cases, "datacontenttype with an unknown charset",
				"{" + BASE + ",'datacontenttype':'text/plain; charset=nope','data':'x'}",
				"Attribute 'datacontenttype' must be a media type");
		// extensions
		event(cases, "upper-case extension name", "{" + BASE + ",'Foo':'x'}",
				"Attribute 'Foo' is not a valid extension name");
		event(cases, "extension name with a dash", "{" + BASE + ",'my-ext':'x'}",
				"Attribute 'my-ext' is not a valid extension name");
		event(cases, "extension name with an underscore", "{" + BASE + ",'data_x':'x'}",
				"Attribute 'data_x' is not a valid extension name");
		event(cases, "float extension", "{" + BASE + ",'myext':1.5}",
				"Attribute 'myext' must be an Integer without fraction or exponent but was 1.5");
		event(cases, "exponent extension", "{" + BASE + ",'myext':1e3}",
				"Attribute 'myext' must be an Integer without fraction or exponent but was 1e3");
		event(cases, "extension of 2^31", "{" + BASE + ",'myext':2147483648}",
				"Attribute 'myext' must be an Integer within the 32-bit range but was 2147483648");
		event(cases, "extension below -2^31", "{" + BASE + ",'myext':-2147483649}",
				"Attribute 'myext' must be an Integer within the 32-bit range but was -2147483649");
		event(cases, "object extension", "{" + BASE + ",'myext':{'a':1}}",
				"Attribute 'myext' must be a JSON string, integer or boolean but was an object");
		event(cases, "array extension", "{" + BASE + ",'myext':[1]}",
				"Attribute 'myext' must be a JSON string, integer or boolean but was an array");
		event(cases, "object schemaurl extension in 1.0", "{" + BASE + ",'schemaurl':{}}",
				"Attribute 'schemaurl' must be a JSON string but was an object");
		// data
		event(cases, "data with data_base64", "{" + BASE + ",'data':{},'data_base64':'AAEC'}",
				"Attribute 'data_base64' must not be present together with 'data'");
		event(cases, "invalid base64", "{" + BASE + ",'data_base64':'!!!!'}",
				"Attribute 'data_base64' is not valid Base64");
		event(cases, "numeric data_base64", "{" + BASE + ",'data_base64':12}",
				"Attribute 'data_base64' must be a JSON string but was a number");
		event(cases, "0.3 with data_base64", "{" + BASE_03 + ",'data_base64':'AAEC'}",
				"Attribute 'data_base64' is not a member of spec version 0.3");
		event(cases, "0.3 with invalid base64 data", "{" + BASE_03 + ",'datacontentencoding':'base64','data':'!!!!'}",
				"Attribute 'data' is not valid Base64");
		event(cases, "0.3 with base64 encoding of an object",
				"{" + BASE_03 + ",'datacontentencoding':'base64','data':{}}",
				"Attribute 'data' must be a Base64 JSON string when 'datacontentencoding' is base64, but was an object");
		event(cases, "0.3 with an unknown datacontentencoding",
				"{" + BASE_03 + ",'datacontentencoding':'quoted-printable','data':'x'}",
				"Attribute 'datacontentencoding' must be 'base64'");
		event(cases, "object data with a text content type", "{" + BASE + ",'datacontenttype':'text/plain','data':{}}",
				"Attribute 'data' must be a JSON string when 'datacontenttype' ('text/plain') is not a JSON media type");
		event(cases, "data nested too deep", "{" + BASE + ",'data':" + "[".repeat(2000) + "]".repeat(2000) + "}",
				"(limit max-nesting-depth)");
		// invalid UTF-8 (RFC 3629) anywhere: Jackson alone decodes overlong forms and
		// sequences above U+10FFFF, and checks no string of the data it skips
		invalidUtf8(cases, "surrogate in a data string", "{" + BASE + ",'data':'a", SURROGATE, "b'}", "data");
		invalidUtf8(cases, "overlong form in an object of data", "{" + BASE + ",'data':{'k':'", OVERLONG, "'}}",
				"data");
		invalidUtf8(cases, "code point above U+10FFFF in an array of data", "{" + BASE + ",'data':['", ABOVE_MAX, "']}",
				"data");
		invalidUtf8(cases, "truncated sequence in data", "{" + BASE + ",'data':'", TRUNCATED, "'}", "data");
		invalidUtf8(cases, "bare continuation byte in data", "{" + BASE + ",'data':'", CONTINUATION, "'}", "data");
		invalidUtf8(cases, "surrogate in a member name inside data", "{" + BASE + ",'data':{'", SURROGATE, "':1}}",
				"data");
		invalidUtf8(cases, "overlong form in a member name inside data", "{" + BASE + ",'data':{'a':{'", OVERLONG,
				"':1}}}", "data");
		invalidUtf8(cases, "surrogate in 0.3 data", "{" + BASE_03 + ",'data':{'k':'", SURROGATE, "'}}", "data");
		invalidUtf8(cases, "overlong form in text data", "{" + BASE + ",'datacontenttype':'text/plain','data':'",
				OVERLONG, "'}", "data");
		invalidUtf8(cases, "surrogate in data before specversion", "{'data':'", SURROGATE, "'," + BASE + "}", "data");
		invalidUtf8(cases, "overlong form in data_base64", "{" + BASE + ",'data_base64':'AA", OVERLONG, "'}",
				"data_base64");
		invalidUtf8(cases, "overlong form in id", "{'specversion':'1.0','source':'/src','type':'t','id':'a", OVERLONG,
				"'}", "id");
		invalidUtf8(cases, "code point above U+10FFFF in subject", "{" + BASE + ",'subject':'", ABOVE_MAX, "'}",
				"subject");
		invalidUtf8(cases, "surrogate in an extension", "{" + BASE + ",'myext':'", SURROGATE, "'}", "myext");
		event(cases, "escaped unpaired surrogate in text data",
				"{" + BASE + ",'datacontenttype':'text/plain','data':'a\\ud800'}",
				"Attribute 'data' must be text that UTF-8 can encode, but holds an unpaired surrogate");
		event(cases, "text data outside the charset of its content type",
				"{" + BASE + ",'datacontenttype':'text/plain; charset=ISO-8859-1','data':'\\u20ac'}",
				"Attribute 'data' must be text that ISO-8859-1 can encode, but holds a character that ISO-8859-1 "
						+ "does not have");
		cases.add(new InvalidEvent("overlong form in a member name", concat("{" + BASE + ",'", OVERLONG_I, "d':'2'}"),
				EVENT, "The name of a member of the event must be valid UTF-8"));
		// documents
		event(cases, "empty body", "", "the document is empty");
		event(cases, "array instead of an object", "[{" + BASE + "}]",
				"must be a JSON object, but the document is an array");
		event(cases, "string instead of an object", "'event'", "must be a JSON object, but the document is a string");
		event(cases, "missing colon", "{'specversion' '1.0'}", "Malformed JSON at line 1, column 16");
		event(cases, "truncated object", "{" + BASE + ",'data':{'a':", "Malformed JSON at line 1");
		event(cases, "unquoted name", "{specversion:'1.0'}",
				"Malformed JSON at line 1, column 2: Unexpected character ('s' (code 115))");
		event(cases, "trailing garbage", "{" + BASE + "} x", "Malformed JSON at line 1");
		event(cases, "two objects", "{" + BASE + "}\n{" + BASE + "}",
				"Unexpected content after the event at line 2, column 1");
		cases.add(new InvalidEvent("UTF-16 body",
				("{" + BASE + "}").replace('\'', '"').getBytes(StandardCharsets.UTF_16LE), EVENT,
				"must be encoded in UTF-8"));
		// batches
		batch(cases, "object instead of a batch", "{" + BASE + "}",
				"A batch of CloudEvents must be a JSON array, but the document is an object");
		batch(cases, "empty batch body", "", "A batch of CloudEvents must be a JSON array, but the document is empty");
		batch(cases, "batch mixing spec versions", "[{" + BASE + "},{" + BASE_03 + "}]",
				"A batch must not mix spec versions: the event at index 1 is 0.3 but the first one is 1.0");
		batch(cases, "batch holding a string", "[{" + BASE + "},'event']",
				"Batch element at index 1 must be a JSON object (a CloudEvent) but was a string");
		batch(cases, "batch with an invalid event", "[{" + BASE + "},{" + BASE + "},{'specversion':'1.0'}]",
				"Attribute 'id' is required (in the event at index 2 of the batch)");
		batch(cases, "batch with a malformed event", "[{" + BASE + "},{'id' 1}]",
				"Malformed JSON at line 1, column 66: Unexpected character ('1' (code 49)): was expecting a colon");
		batch(cases, "truncated batch", "[{" + BASE + "}", "Malformed JSON at line 1");
		batch(cases, "batch with trailing content", "[] []", "Unexpected content after the batch");
		cases.add(new InvalidEvent("batch with a surrogate in the data of its second event",
				concat("[{" + BASE + "},{" + BASE + ",'data':'", SURROGATE, "'}]"), BATCH,
				"Attribute 'data' must be valid UTF-8 (RFC 3629), but the byte 0xED at offset 124 starts no "
						+ "well-formed sequence (in the event at index 1 of the batch)"));
		return List.copyOf(cases);
	}

	private static void invalidUtf8(List<InvalidEvent> cases, String name, String before, byte[] invalid, String after,
			String attribute) {
		cases.add(new InvalidEvent(name, concat(before, invalid, after), EVENT,
				"Attribute '" + attribute + "' must be valid UTF-8 (RFC 3629), but the byte 0x"
						+ HexFormat.of().withUpperCase().toHexDigits(invalid[0])));
	}

	private static byte[] concat(String before, byte[] middle, String after) {
		byte[] start = bytes(before);
		byte[] end = bytes(after);
		byte[] result = Arrays.copyOf(start, start.length + middle.length + end.length);
		System.arraycopy(middle, 0, result, start.length, middle.length);
		System.arraycopy(end, 0, result, start.length + middle.length, end.length);
		return result;
	}

	private static void event(List<InvalidEvent> cases, String name, String json, String expectedMessage) {
		cases.add(new InvalidEvent(name, bytes(json), EVENT, expectedMessage));
	}

	private static void batch(List<InvalidEvent> cases, String name, String json, String expectedMessage) {
		cases.add(new InvalidEvent(name, bytes(json), BATCH, expectedMessage));
	}

	/** JSON written with single quotes for readability; none of the cases needs one. */
	private static byte[] bytes(String json) {
		return json.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
	}

}
