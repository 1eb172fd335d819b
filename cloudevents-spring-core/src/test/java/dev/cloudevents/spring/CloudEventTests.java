package dev.cloudevents.spring;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class CloudEventTests {

	@Test
	void jsonDataIsKnownToBeOneJsonValueAndDataGivenAsBytesIsNot() {
		byte[] json = "{\"a\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		CloudEvent checked = CloudEvent.builder().source("/s").type("t").jsonData(json).build();
		assertThat(checked.isJsonValueData()).isTrue();
		assertThat(checked.dataContentType()).isEqualTo("application/json");
		assertThat(checked.data()).isSameAs(json);
		CloudEvent unchecked = checked.mutate().data("application/json", json).build();
		assertThat(unchecked.isJsonValueData()).isFalse();
	}

	@Test
	void aBuilderReusedAfterBuildLeavesTheFirstEventAlone() {
		CloudEvent.Builder builder = CloudEvent.builder().source("/s").type("t").extension("one", 1);
		CloudEvent first = builder.build();
		CloudEvent second = builder.extension("two", 2).extension("one", null).build();
		assertThat(first.extensions()).containsExactly(entry("one", 1));
		assertThat(second.extensions()).containsExactly(entry("two", 2));
		assertThat(first.mutate().extension("three", 3).build().extensions()).containsOnlyKeys("one", "three");
		assertThat(first.extensions()).containsOnlyKeys("one");
	}

	@Test
	void builderFillsInIdTimeAndSpecVersion() {
		OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);
		CloudEvent event = CloudEvent.builder().type("com.example.test").source("/tests").build();
		OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);
		assertThat(UUID.fromString(event.id())).isNotNull();
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V1_0);
		assertThat(event.time()).isNotNull().isBetween(before, after);
		assertThat(event.hasData()).isFalse();
	}

	@Test
	void builderKeepsWhatIsGiven() {
		OffsetDateTime time = OffsetDateTime.parse("2018-04-05T17:31:00Z");
		CloudEvent event = CloudEvent.builder()
			.specVersion(SpecVersion.V0_3)
			.id("42")
			.type("t")
			.source("/s")
			.time(time)
			.build();
		assertThat(event.id()).isEqualTo("42");
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V0_3);
		assertThat(event.time()).isEqualTo(time);
	}

	@Test
	void strictBuilderFillsNothingIn() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.strictBuilder().id("1").type("t").source("/s").build())
			.withMessage("Attribute 'specversion' is required")
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("specversion"));
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.strictBuilder().specVersion(SpecVersion.V1_0).type("t").source("/s").build())
			.withMessage("Attribute 'id' is required");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.strictBuilder().specVersion(SpecVersion.V1_0).id("1").type("t").build())
			.withMessage("Attribute 'source' is required");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.strictBuilder().specVersion(SpecVersion.V1_0).id("1").source("/s").build())
			.withMessage("Attribute 'type' is required");
		assertThat(
				CloudEvent.strictBuilder().specVersion(SpecVersion.V1_0).id("1").type("t").source("/s").build().time())
			.isNull();
	}

	@Test
	void emptyStringsAreRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> CloudEvent.builder().id(""))
			.withMessage("Attribute 'id' must not be empty");
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> CloudEvent.builder().type(""))
			.withMessage("Attribute 'type' must not be empty");
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> CloudEvent.builder().source(""))
			.withMessage("Attribute 'source' must not be empty");
	}

	@Test
	void dataSchemaMustBeAbsoluteIn10ButNotIn03() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> minimal().dataSchema(URI.create("/schema")).build())
			.withMessage("Attribute 'dataschema' must be an absolute URI but was '/schema'");
		CloudEvent event = minimal().specVersion(SpecVersion.V0_3).dataSchema(URI.create("/schema")).build();
		assertThat(event.attribute("schemaurl")).isEqualTo(URI.create("/schema"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Foo", "my-ext", "my_ext", "ext.x", "é" })
	void extensionNamesOtherThanLowerCaseLettersAndDigitsAreRejected(String name) {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().extension(name, "x"))
			.withMessage("Attribute '" + name
					+ "' is not a valid extension name: only lower-case letters a-z and digits 0-9 are allowed");
	}

	@Test
	void reservedNamesAreNotExtensions() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().extension("data", "x"))
			.withMessage("Attribute 'data' is reserved and cannot be an extension name");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().extension("id", "x"))
			.withMessage("Attribute 'id' is a core attribute and cannot be an extension");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().extension("", "x"))
			.withMessage("An extension name must not be empty");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> minimal().specVersion(SpecVersion.V0_3).extension("schemaurl", "x").build())
			.withMessageContaining("Attribute 'schemaurl' is a core attribute of spec version 0.3");
		assertThat(minimal().extension("schemaurl", "x").build().extension("schemaurl")).isEqualTo("x");
	}

	@Test
	void extensionValuesAreNormalizedToTheSpecTypes() {
		CloudEvent event = minimal().extension("small", 7L)
			.extension("short", (short) 3)
			.extension("flag", true)
			.extension("uri", URI.create("https://example.com"))
			.build();
		assertThat(event.extensions()).containsEntry("small", 7)
			.containsEntry("short", 3)
			.containsEntry("flag", true)
			.containsEntry("uri", URI.create("https://example.com"));
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> minimal().extension("big", 2147483648L))
			.withMessage("Attribute 'big' must be an Integer within the 32-bit range but was 2147483648");
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> minimal().extension("float", 1.5))
			.withMessageStartingWith("Attribute 'float' must be a String, Integer, Boolean, URI, Timestamp or Binary");
		assertThat(minimal().extension("gone", "x").extension("gone", null).build().extensions()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000", "a\r", "a\nb", "\t", "a\u007F", "a\u0085" })
	void controlCharactersAreRejectedInStrings(String value) {
		String hex = String.format("%04X", (int) value.charAt(value.length() - ((value.endsWith("b")) ? 2 : 1)));
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(() -> CloudEvent.builder().id(value))
			.withMessageStartingWith("Attribute 'id' must not contain the control character U+" + hex);
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().subject(value))
			.withMessageStartingWith("Attribute 'subject' must not contain the control character U+" + hex);
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().extension("ext", value))
			.withMessageStartingWith("Attribute 'ext' must not contain the control character U+" + hex);
	}

	@Test
	void unpairedSurrogatesAndNoncharactersAreRejected() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().type("a\uD800"))
			.withMessage("Attribute 'type' must not contain the unpaired surrogate U+D800 (at index 1)");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().type("\uDC00a"))
			.withMessage("Attribute 'type' must not contain the unpaired surrogate U+DC00 (at index 0)");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().type("a\uFFFE"))
			.withMessage("Attribute 'type' must not contain the noncharacter U+FFFE (at index 1)");
		assertThat(minimal().type("emoji \uD83D\uDE00 ok").build().type()).isEqualTo("emoji \uD83D\uDE00 ok");
	}

	@Test
	void attributesAreReachableByName() {
		CloudEvent event = minimal().subject("sub")
			.time(OffsetDateTime.parse("2018-04-05T17:31:00.5+02:00"))
			.extension("count", 3)
			.build();
		assertThat(event.attribute("source")).isEqualTo(URI.create("/s"));
		assertThat(event.attribute("specversion")).isEqualTo("1.0");
		assertThat(event.attribute("subject")).isEqualTo("sub");
		assertThat(event.attribute("count")).isEqualTo(3);
		assertThat(event.attribute("schemaurl")).isNull();
		assertThat(event.attributeAsString("time")).isEqualTo("2018-04-05T17:31:00.5+02:00");
		assertThat(event.attributes()).containsKeys("specversion", "id", "source", "type", "subject", "time", "count");
	}

	@Test
	void attributeSetsCoreAttributesFromStrings() {
		CloudEvent event = CloudEvent.strictBuilder()
			.attribute("specversion", "0.3")
			.attribute("id", "1")
			.attribute("source", "/s")
			.attribute("type", "t")
			.attribute("schemaurl", "/schema")
			.attribute("time", "2018-04-05T17:31:00Z")
			.attribute("other", "x")
			.build();
		assertThat(event.specVersion()).isEqualTo(SpecVersion.V0_3);
		assertThat(event.dataSchema()).isEqualTo(URI.create("/schema"));
		assertThat(event.extension("other")).isEqualTo("x");
	}

	@Test
	void toSpecVersionConvertsBothWays() {
		CloudEvent v1 = minimal().dataSchema(URI.create("https://example.com/schema")).data("text").build();
		CloudEvent v03 = v1.toSpecVersion(SpecVersion.V0_3);
		assertThat(v03.specVersion()).isEqualTo(SpecVersion.V0_3);
		assertThat(v03.attribute("schemaurl")).isEqualTo(URI.create("https://example.com/schema"));
		assertThat(v03.attribute("dataschema")).isNull();
		assertThat(v03.data()).isEqualTo(v1.data());
		CloudEvent back = v03.mutate().dataContentEncoding("base64").build().toSpecVersion(SpecVersion.V1_0);
		assertThat(back).isEqualTo(v1);
		assertThat(v1.toSpecVersion(SpecVersion.V1_0)).isSameAs(v1);
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> minimal().specVersion(SpecVersion.V0_3)
				.dataSchema(URI.create("/relative"))
				.build()
				.toSpecVersion(SpecVersion.V1_0))
			.withMessageContaining("Attribute 'dataschema' must be an absolute URI");
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> minimal().extension("schemaurl", "x").build().toSpecVersion(SpecVersion.V0_3))
			.withMessageContaining("Attribute 'schemaurl' is a core attribute of spec version 0.3");
	}

	@Test
	void eventsWithTheSameAttributesAndDataAreEqual() {
		OffsetDateTime time = OffsetDateTime.parse("2018-04-05T17:31:00Z");
		CloudEvent a = minimal().time(time).extension("x", 1).data("application/json", bytes("{}")).build();
		CloudEvent b = minimal().time(time).extension("x", 1).data("application/json", bytes("{}")).build();
		assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
		assertThat(a).isNotEqualTo(a.mutate().data("application/json", bytes("[]")).build());
		assertThat(a).isNotEqualTo(a.mutate().extension("x", 2).build());
		assertThat(a).isNotEqualTo(a.mutate().extension("x", "1").build());
		assertThat(a).isNotEqualTo(a.mutate().subject("s").build());
		assertThat(minimal().extension("b", bytes("x")).build())
			.isEqualTo(minimal().extension("b", bytes("x")).build());
	}

	@Test
	void dataGivenAsAnObjectIsKeptForTheEncoderAndConvertedByTheFormat() {
		CloudEvent event = minimal().data(new Point(1, 2)).build();
		assertThat(event.dataContentType()).isEqualTo("application/json");
		assertThat(event.dataValue()).isEqualTo(new Point(1, 2));
		assertThat(event.data()).isNull();
		assertThat(event.hasData()).isTrue();
		JsonEventFormat format = new JsonEventFormat();
		assertThat(format.dataBytes(event)).asString(StandardCharsets.UTF_8).isEqualTo("{\"x\":1,\"y\":2}");
		assertThat(format.dataAs(event, Point.class)).isEqualTo(new Point(1, 2));
		assertThat(format.dataAs(minimal().data("héllo").build(), String.class)).isEqualTo("héllo");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2018-04-05T17:31Z", "2018-04-05T17:31:00", "2018-04-05 17:31", "2018-04-05",
			"2018-04-05T17:31:00.Z", "2018-04-05T17:31:00+0530", "2018-04-05T17:31:00+05", "2018-13-05T17:31:00Z",
			"2018-04-05T25:31:00Z", "18-04-05T17:31:00Z", "2018-04-05T17:31:00Zjunk", "" })
	void timestampsThatAreNotRfc3339AreRejected(String time) {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> CloudEvent.builder().attribute("time", time))
			.withMessage("Attribute 'time' must be an RFC 3339 timestamp but was '" + time + "'");
	}

	@Test
	void rfc3339TimestampsAreAccepted() {
		assertThat(time("2018-04-05t17:31:00z")).isEqualTo(OffsetDateTime.parse("2018-04-05T17:31:00Z"));
		assertThat(time("2018-04-05 17:31:00Z")).isEqualTo(OffsetDateTime.parse("2018-04-05T17:31:00Z"));
		assertThat(time("2018-04-05T17:31:00+05:30")).isEqualTo(OffsetDateTime.parse("2018-04-05T17:31:00+05:30"));
		assertThat(time("2018-04-05T17:31:00-00:00").getOffset()).isEqualTo(ZoneOffset.UTC);
		assertThat(time("2018-04-05T17:31:00.1Z").getNano()).isEqualTo(100_000_000);
		assertThat(time("2018-04-05T17:31:00.123456789Z").getNano()).isEqualTo(123_456_789);
	}

	private static OffsetDateTime time(String text) {
		return minimal().attribute("time", text).build().time();
	}

	private static CloudEvent.Builder minimal() {
		return CloudEvent.strictBuilder().specVersion(SpecVersion.V1_0).id("1").source("/s").type("t");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	record Point(int x, int y) {
	}

}
