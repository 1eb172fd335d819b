package dev.cloudevents.spring.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonEventFormatTests {

	private static final String ATTRIBUTES = "\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"";

	private final JsonEventFormat format = new JsonEventFormat();

	@Test
	void dataAndContentTypeMayComeBeforeSpecVersion() {
		CloudEvent event = read("{\"data\":\"<a/>\",\"datacontenttype\":\"application/xml\"," + ATTRIBUTES
				+ ",\"specversion\":\"1.0\"}");
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("<a/>");
		CloudEvent json = read("{\"data\":\"x\"," + ATTRIBUTES + ",\"datacontenttype\":\"application/json\","
				+ "\"specversion\":\"1.0\"}");
		assertThat(json.data()).asString(StandardCharsets.UTF_8).isEqualTo("\"x\"");
	}

	@Test
	void textDataIsEncodedInTheCharsetOfItsContentType() {
		CloudEvent event = read("{\"specversion\":\"1.0\"," + ATTRIBUTES
				+ ",\"datacontenttype\":\"text/plain; charset=ISO-8859-1\",\"data\":\"caf\\u00e9\"}");
		assertThat(event.data()).containsExactly('c', 'a', 'f', 0xE9);
		assertThat(this.format.deserialize(this.format.serialize(event))).isEqualTo(event);
		assertThat(new String(this.format.serialize(event), StandardCharsets.UTF_8)).contains("\"data\":\"café\"");
	}

	@Test
	void nullDataMeansNoDataAndNullDataBase64IsNoConflict() {
		assertThat(read("{\"specversion\":\"1.0\"," + ATTRIBUTES + ",\"data\":null}").hasData()).isFalse();
		CloudEvent event = read("{\"specversion\":\"1.0\"," + ATTRIBUTES + ",\"data\":null,\"data_base64\":\"AQI=\"}");
		assertThat(event.data()).containsExactly(1, 2);
		assertThat(event.dataContentType()).isNull();
	}

	@Test
	void extensionsKeepTheirJsonTypes() {
		CloudEvent event = read("{\"specversion\":\"1.0\"," + ATTRIBUTES
				+ ",\"str\":\"5\",\"num\":-2147483648,\"flag\":false,\"nothing\":null}");
		assertThat(event.extensions()).containsExactlyEntriesOf(orderedExtensions());
		assertThat(new String(this.format.serialize(event), StandardCharsets.UTF_8))
			.contains("\"str\":\"5\",\"num\":-2147483648,\"flag\":false}");
	}

	private static Map<String, Object> orderedExtensions() {
		Map<String, Object> extensions = new java.util.LinkedHashMap<>();
		extensions.put("str", "5");
		extensions.put("num", Integer.MIN_VALUE);
		extensions.put("flag", false);
		return extensions;
	}

	@Test
	void bytesThatAreNotJsonDespiteTheirContentTypeAreWrittenInBase64() {
		CloudEvent v1 = minimal(SpecVersion.V1_0).data("application/json", bytes("{not json")).build();
		String written = new String(this.format.serialize(v1), StandardCharsets.UTF_8);
		assertThat(written).contains("\"datacontenttype\":\"application/json\"").contains("\"data_base64\":");
		assertThat(this.format.deserialize(bytes(written))).isEqualTo(v1);
		CloudEvent v03 = minimal(SpecVersion.V0_3).data("application/json", bytes("{} {}")).build();
		String written03 = new String(this.format.serialize(v03), StandardCharsets.UTF_8);
		assertThat(written03).contains("\"datacontentencoding\":\"base64\"").contains("\"data\":\"e30ge30=\"");
		assertThat(this.format.deserialize(bytes(written03)).data()).isEqualTo(v03.data());
	}

	@Test
	void bytesThatWouldCloseTheDataMemberEarlyAreWrittenInBase64() {
		CloudEvent event = minimal(SpecVersion.V1_0).data("application/json", bytes("1,\"type\":\"forged\"")).build();
		assertThat(this.format.deserialize(this.format.serialize(event))).isEqualTo(event);
	}

	@Test
	void jsonDataIsWrittenTheSameToAnArrayAndToAStreamEvenIndented() {
		JsonEventFormat indenting = new JsonEventFormat(
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
		for (JsonEventFormat format : List.of(this.format, indenting)) {
			for (String data : List.of("{\"a\":[1,2.5e3,\"\u00e4\\\\\"]}", "\"" + "x".repeat(10000) + "\"", "7")) {
				CloudEvent event = minimal(SpecVersion.V1_0).data("application/json", bytes(data)).build();
				ByteArrayOutputStream stream = new ByteArrayOutputStream();
				format.serialize(event, stream);
				byte[] written = format.serialize(event);
				assertThat(written).isEqualTo(stream.toByteArray());
				assertThat(new String(written, StandardCharsets.UTF_8)).contains(data);
				assertThat(format.deserialize(written)).isEqualTo(event);
			}
		}
	}

	@Test
	void jsonBytesInAnotherEncodingOrWithAByteOrderMarkAreNotWrittenRaw() {
		byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}' };
		for (byte[] data : List.of(utf16, bom)) {
			CloudEvent event = minimal(SpecVersion.V1_0).data("application/json", data).build();
			assertThat(new String(this.format.serialize(event), StandardCharsets.UTF_8)).contains("\"data_base64\":");
			assertThat(this.format.deserialize(this.format.serialize(event))).isEqualTo(event);
		}
	}

	@Test
	void bytesWithoutContentTypeAreWrittenInBase64WithoutContentType() {
		CloudEvent event = minimal(SpecVersion.V1_0).data(bytes("{}")).build();
		assertThat(new String(this.format.serialize(event), StandardCharsets.UTF_8)).doesNotContain("datacontenttype")
			.endsWith("\"data_base64\":\"e30=\"}");
	}

	@Test
	void invalidUtf8TextIsWrittenInBase64() {
		CloudEvent event = minimal(SpecVersion.V1_0).data("text/plain", new byte[] { 'a', (byte) 0xC3 }).build();
		assertThat(new String(this.format.serialize(event), StandardCharsets.UTF_8)).contains("\"data_base64\":");
		assertThat(this.format.deserialize(this.format.serialize(event))).isEqualTo(event);
	}

	@Test
	void dataObjectsAreWrittenWithTheFormatsMapper() {
		JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		CloudEvent event = minimal(SpecVersion.V1_0).data(new Order("42", 3)).build();
		byte[] written = new JsonEventFormat(mapper).serialize(event);
		assertThat(new String(written, StandardCharsets.UTF_8))
			.endsWith("\"data\":{\"order_id\":\"42\",\"item_count\":3}}");
		assertThat(this.format.dataAs(this.format.deserialize(written), Map.class)).containsEntry("order_id", "42");
	}

	@Test
	void serializingToAStreamLeavesItOpen() {
		ClosingTracker out = new ClosingTracker();
		this.format.serialize(minimal(SpecVersion.V1_0).build(), out);
		this.format.serializeBatch(List.of(minimal(SpecVersion.V1_0).build()), out);
		assertThat(out.closed).isFalse();
		assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"specversion\":\"1.0\"").endsWith("}]");
	}

	@Test
	void batchMixingSpecVersionsIsNotWritten() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format
				.serializeBatch(List.of(minimal(SpecVersion.V1_0).build(), minimal(SpecVersion.V0_3).build())))
			.withMessage("A batch must not mix spec versions: the event at index 1 is 0.3 but the first one is 1.0");
	}

	@Test
	void v03StringDataOfABinaryTypeIsReadAsItsBytesAndWrittenBackInBase64() {
		// found by HttpBindingFuzzTests: a mutation had renamed datacontentencoding
		CloudEvent read = this.format.deserialize(bytes("{\"specversion\":\"0.3\"," + ATTRIBUTES
				+ ",\"datacontenttype\":\"application/octet-stream\",\"data\":\"aGk=\"}"));
		assertThat(read.data()).isEqualTo(bytes("aGk="));
		assertThat(read.dataContentEncoding()).isNull();
		CloudEvent expected = read.mutate().dataContentEncoding("base64").build();
		assertThat(this.format.deserialize(this.format.serialize(read))).isEqualTo(expected);
		assertThat(this.format.deserializeBatch(this.format.serializeBatch(List.of(read)))).containsExactly(expected);
	}

	@Test
	void unknownDataContentEncodingIsNotWritten() {
		CloudEvent event = minimal(SpecVersion.V0_3).dataContentEncoding("quoted-printable").data(bytes("x")).build();
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> this.format.serialize(event))
			.withMessageContaining("Attribute 'datacontentencoding' must be 'base64'");
	}

	@Test
	void readingAppliesTheMappersStreamReadConstraintsThatEventLimitsDoNotSet() {
		JsonMapper strict = JsonMapper
			.builder(JsonFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder().maxNameLength(10).build())
				.build())
			.build();
		byte[] json = bytes("{\"specversion\":\"1.0\"," + ATTRIBUTES + ",\"" + "x".repeat(100) + "\":1}");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> new JsonEventFormat(strict).deserialize(json))
			.withMessageContaining("The JSON exceeds a read constraint")
			.withMessageContaining("Name length");
	}

	private CloudEvent read(String json) {
		return this.format.deserialize(bytes(json));
	}

	private static CloudEvent.Builder minimal(SpecVersion version) {
		return JsonEventFormat.binaryModeBuilder().specVersion(version).id("1").source("/s").type("t");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Order(String orderId, int itemCount) {
	}

	static class ClosingTracker extends ByteArrayOutputStream {

		boolean closed;

		@Override
		public void close() {
			this.closed = true;
		}

	}

}
