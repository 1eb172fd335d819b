package dev.cloudevents.spring.json;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The examples of the JSON event format specification, 1.0 (section 3.2 and 4.3) and 0.3
 * (section 3.2 and 4.3), as test vectors.
 */
class JsonEventFormatSpecExamplesTests {

	private static final byte[] THRIFT = { 0x0B, 0x00, 0x01, 0x00, 0x00, 0x00, 0x03, 'a', 'b', 'c', 0x00, (byte) 0xFF };

	private static final String THRIFT_BASE64 = Base64.getEncoder().encodeToString(THRIFT);

	private static final OffsetDateTime TIME = OffsetDateTime.parse("2018-04-05T17:31:00Z");

	private static final String APPINFO = """
			{
			        "appinfoA" : "abc",
			        "appinfoB" : 123,
			        "appinfoC" : true
			    }""";

	private final JsonEventFormat format = new JsonEventFormat();

	@Test
	void binaryDataExampleOf10() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext",
				    "id" : "A234-1234-1234",
				    "time" : "2018-04-05T17:31:00Z",
				    "comexampleextension1" : "value",
				    "comexampleothervalue" : 5,
				    "datacontenttype" : "application/vnd.apache.thrift.binary",
				    "data_base64" : "... base64 encoded string ..."
				}
				""".replace("... base64 encoded string ...", THRIFT_BASE64);
		CloudEvent event = read(json);
		assertCommonAttributes(event, SpecVersion.V1_0, "A234-1234-1234");
		assertThat(event.dataContentType()).isEqualTo("application/vnd.apache.thrift.binary");
		assertThat(event.data()).isEqualTo(THRIFT);
		assertWritesAs(event, json);
	}

	@Test
	void xmlDataExampleOf10() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext",
				    "id" : "B234-1234-1234",
				    "time" : "2018-04-05T17:31:00Z",
				    "comexampleextension1" : "value",
				    "comexampleothervalue" : 5,
				    "unsetextension": null,
				    "datacontenttype" : "application/xml",
				    "data" : "<much wow=\\"xml\\"/>"
				}
				""";
		CloudEvent event = read(json);
		assertCommonAttributes(event, SpecVersion.V1_0, "B234-1234-1234");
		assertThat(event.extensions()).doesNotContainKey("unsetextension");
		assertThat(event.dataContentType()).isEqualTo("application/xml");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("<much wow=\"xml\"/>");
		assertWritesAs(event, json.replace("\"unsetextension\": null,", ""));
	}

	@Test
	void jsonObjectDataExampleOf10() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext",
				    "subject": null,
				    "id" : "C234-1234-1234",
				    "time" : "2018-04-05T17:31:00Z",
				    "comexampleextension1" : "value",
				    "comexampleothervalue" : 5,
				    "datacontenttype" : "application/json",
				    "data" : %s
				}
				""".formatted(APPINFO);
		CloudEvent event = read(json);
		assertCommonAttributes(event, SpecVersion.V1_0, "C234-1234-1234");
		assertThat(event.subject()).isNull();
		assertThat(event.dataContentType()).isEqualTo("application/json");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo(APPINFO);
		assertWritesAs(event, json.replace("\"subject\": null,", ""));
	}

	@Test
	void jsonNumberDataExampleOf10() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext",
				    "subject": null,
				    "id" : "C234-1234-1234",
				    "time" : "2018-04-05T17:31:00Z",
				    "comexampleextension1" : "value",
				    "comexampleothervalue" : 5,
				    "datacontenttype" : "application/json",
				    "data" : 1.5
				}
				""";
		CloudEvent event = read(json);
		assertCommonAttributes(event, SpecVersion.V1_0, "C234-1234-1234");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("1.5");
		assertThat(new JsonEventFormat().dataAs(event, Double.class)).isEqualTo(1.5);
		assertWritesAs(event, json.replace("\"subject\": null,", ""));
	}

	@Test
	void jsonStringDataWithoutContentTypeExampleOf10() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext",
				    "subject": null,
				    "id" : "D234-1234-1234",
				    "time" : "2018-04-05T17:31:00Z",
				    "comexampleextension1" : "value",
				    "comexampleothervalue" : 5,
				    "data" : "I'm just a string"
				}
				""";
		CloudEvent event = read(json);
		assertCommonAttributes(event, SpecVersion.V1_0, "D234-1234-1234");
		// the implied type made explicit, as the spec asks of re-encoded events
		assertThat(event.dataContentType()).isEqualTo("application/json");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("\"I'm just a string\"");
		assertThat(new JsonEventFormat().dataAs(event, String.class)).isEqualTo("\"I'm just a string\"");
		assertWritesAs(event, json.replace("\"subject\": null,", "\"datacontenttype\": \"application/json\","));
	}

	@Test
	void binaryDataWithoutContentTypeExampleOf10() {
		String json = """
				{
				    "specversion" : "1.0",
				    "type" : "com.example.someevent",
				    "source" : "/mycontext",
				    "id" : "D234-1234-1234",
				    "data_base64" : "eyAieHl6IjogMTIzIH0="
				}
				""";
		CloudEvent event = read(json);
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V1_0);
		assertThat(event.id()).isEqualTo("D234-1234-1234");
		assertThat(event.time()).isNull();
		assertThat(event.extensions()).isEmpty();
		assertThat(event.dataContentType()).isNull();
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("{ \"xyz\": 123 }");
		assertWritesAs(event, json);
	}

	@Test
	void batchExampleOf10() {
		String json = """
				[
				  {
				      "specversion" : "1.0",
				      "type" : "com.example.someevent",
				      "source" : "/mycontext/4",
				      "id" : "B234-1234-1234",
				      "time" : "2018-04-05T17:31:00Z",
				      "comexampleextension1" : "value",
				      "comexampleothervalue" : 5,
				      "datacontenttype" : "application/vnd.apache.thrift.binary",
				      "data_base64" : "... base64 encoded string ..."
				  },
				  {
				      "specversion" : "1.0",
				      "type" : "com.example.someotherevent",
				      "source" : "/mycontext/9",
				      "id" : "C234-1234-1234",
				      "time" : "2018-04-05T17:31:05Z",
				      "comexampleextension1" : "value",
				      "comexampleothervalue" : 5,
				      "datacontenttype" : "application/json",
				      "data" : {
				          "appinfoA" : "abc",
				          "appinfoB" : 123,
				          "appinfoC" : true
				      }
				  }
				]
				""".replace("... base64 encoded string ...", THRIFT_BASE64);
		List<CloudEvent> events = this.format.deserializeBatch(bytes(json));
		assertThat(events).hasSize(2);
		assertThat(events.get(0).source()).isEqualTo(URI.create("/mycontext/4"));
		assertThat(events.get(0).data()).isEqualTo(THRIFT);
		assertThat(events.get(1).type()).isEqualTo("com.example.someotherevent");
		assertThat(events.get(1).time()).isEqualTo(OffsetDateTime.parse("2018-04-05T17:31:05Z"));
		assertThat(events.get(1).extensions()).containsEntry("comexampleothervalue", 5);
		assertThat(events.get(1).data()).asString(StandardCharsets.UTF_8)
			.startsWith("{\n          \"appinfoA\" : \"abc\",")
			.endsWith("true\n      }");
		assertJsonEquals(this.format.serializeBatch(events), json);
	}

	@Test
	void emptyBatchExample() {
		assertThat(this.format.deserializeBatch(bytes("[]"))).isEmpty();
		assertThat(this.format.serializeBatch(List.of())).asString(StandardCharsets.UTF_8).isEqualTo("[]");
	}

	private static final String EXAMPLE_03_A = """
			{
			    "specversion" : "0.3",
			    "type" : "com.example.someevent",
			    "source" : "/mycontext",
			    "id" : "A234-1234-1234",
			    "time" : "2018-04-05T17:31:00Z",
			    "comexampleextension1" : "value",
			    "comexampleextension2" : {
			        "otherValue": 5
			    },
			    "datacontenttype" : "text/xml",
			    "data" : "<much wow=\\"xml\\"/>"
			}
			""";

	private static final String EXAMPLE_03_B = """
			{
			    "specversion" : "0.3",
			    "type" : "com.example.someevent",
			    "source" : "/mycontext",
			    "id" : "B234-1234-1234",
			    "time" : "2018-04-05T17:31:00Z",
			    "comexampleextension1" : "value",
			    "comexampleextension2" : {
			        "otherValue": 5
			    },
			    "datacontenttype" : "application/vnd.apache.thrift.binary",
			    "data" : "... base64 encoded string ..."
			}
			""".replace("... base64 encoded string ...", THRIFT_BASE64);

	private static final String EXAMPLE_03_C = """
			{
			    "specversion" : "0.3",
			    "type" : "com.example.someevent",
			    "source" : "/mycontext",
			    "id" : "C234-1234-1234",
			    "time" : "2018-04-05T17:31:00Z",
			    "comexampleextension1" : "value",
			    "comexampleextension2" : {
			        "otherValue": 5
			    },
			    "datacontenttype" : "application/json",
			    "data" : %s
			}
			""".formatted(APPINFO);

	@Test
	void mapValuedExtensionsOf03AreRejectedBecauseTheModelHasNoMapType() {
		for (String json : List.of(EXAMPLE_03_A, EXAMPLE_03_B, EXAMPLE_03_C)) {
			assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> read(json))
				.withMessageContaining("Attribute 'comexampleextension2' must be a JSON string, integer or boolean");
		}
	}

	@Test
	void stringDataExampleOf03() {
		String json = withoutMapExtension(EXAMPLE_03_A);
		CloudEvent event = read(json);
		assertCommonAttributes03(event, "A234-1234-1234");
		assertThat(event.dataContentType()).isEqualTo("text/xml");
		assertThat(event.dataContentEncoding()).isNull();
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("<much wow=\"xml\"/>");
		assertWritesAs(event, json);
	}

	@Test
	void binaryDataExampleOf03WithoutDataContentEncodingIsText() {
		// 0.3's spec.md requires "datacontentencoding" for string-encoded binary data;
		// the
		// example leaves it out, so its data is read as the text it is
		CloudEvent event = read(withoutMapExtension(EXAMPLE_03_B));
		assertCommonAttributes03(event, "B234-1234-1234");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo(THRIFT_BASE64);
	}

	@Test
	void binaryDataExampleOf03WithDataContentEncoding() {
		String json = withoutMapExtension(EXAMPLE_03_B).replace("\"data\" :",
				"\"datacontentencoding\" : \"base64\", \"data\" :");
		CloudEvent event = read(json);
		assertCommonAttributes03(event, "B234-1234-1234");
		assertThat(event.dataContentType()).isEqualTo("application/vnd.apache.thrift.binary");
		assertThat(event.dataContentEncoding()).isEqualTo("base64");
		assertThat(event.data()).isEqualTo(THRIFT);
		assertWritesAs(event, json);
	}

	@Test
	void jsonDataExampleOf03() {
		String json = withoutMapExtension(EXAMPLE_03_C);
		CloudEvent event = read(json);
		assertCommonAttributes03(event, "C234-1234-1234");
		assertThat(event.dataContentType()).isEqualTo("application/json");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo(APPINFO);
		assertWritesAs(event, json);
	}

	@Test
	void batchExampleOf03() {
		String json = "["
				+ withoutMapExtension(EXAMPLE_03_B).replace("\"data\" :",
						"\"datacontentencoding\" : \"base64\", \"data\" :")
				+ "," + withoutMapExtension(EXAMPLE_03_C).replace("com.example.someevent", "com.example.someotherevent")
				+ "]";
		List<CloudEvent> events = this.format.deserializeBatch(bytes(json));
		assertThat(events).extracting(CloudEvent::specVersion).containsOnly(SpecVersion.V0_3);
		assertThat(events.get(0).data()).isEqualTo(THRIFT);
		assertThat(events.get(1).type()).isEqualTo("com.example.someotherevent");
		assertThat(events.get(1).data()).asString(StandardCharsets.UTF_8).isEqualTo(APPINFO);
		assertJsonEquals(this.format.serializeBatch(events), json);
	}

	private static String withoutMapExtension(String json) {
		return json.replaceAll("\"comexampleextension2\" : \\{\\s*\"otherValue\": 5\\s*},", "");
	}

	private CloudEvent read(String json) {
		return this.format.deserialize(bytes(json));
	}

	private static void assertCommonAttributes(CloudEvent event, SpecVersion version, String id) {
		assertThat(event.specVersion()).isEqualTo(version);
		assertThat(event.id()).isEqualTo(id);
		assertThat(event.type()).isEqualTo("com.example.someevent");
		assertThat(event.source()).isEqualTo(URI.create("/mycontext"));
		assertThat(event.time()).isEqualTo(TIME);
		assertThat(event.dataSchema()).isNull();
		assertThat(event.extensions()).containsExactly(
				org.assertj.core.api.Assertions.entry("comexampleextension1", "value"),
				org.assertj.core.api.Assertions.entry("comexampleothervalue", 5));
	}

	private static void assertCommonAttributes03(CloudEvent event, String id) {
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V0_3);
		assertThat(event.id()).isEqualTo(id);
		assertThat(event.type()).isEqualTo("com.example.someevent");
		assertThat(event.source()).isEqualTo(URI.create("/mycontext"));
		assertThat(event.time()).isEqualTo(TIME);
		assertThat(event.extensions()).containsOnlyKeys("comexampleextension1");
	}

	private void assertWritesAs(CloudEvent event, String expectedJson) {
		byte[] written = this.format.serialize(event);
		assertJsonEquals(written, expectedJson);
		assertThat(this.format.deserialize(written)).isEqualTo(event);
	}

	private static void assertJsonEquals(byte[] actual, String expected) {
		JsonMapper mapper = JsonMapper.shared();
		assertThat(mapper.readTree(actual)).isEqualTo(mapper.readTree(expected));
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
