package dev.cloudevents.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CloudEventAssertTests {

	private static final OffsetDateTime TIME = OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

	private static final CloudEvent EVENT = CloudEvent.builder()
		.id("order-42")
		.type("com.example.order.created")
		.source(URI.create("https://example.com/orders"))
		.subject("42")
		.time(TIME)
		.extension("priority", 3)
		.extension("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
		.data(new Order("42", 3))
		.build();

	@Test
	void matchingAttributesPass() {
		assertThat(EVENT).hasSpecVersion(SpecVersion.V1_0)
			.hasId("order-42")
			.hasType("com.example.order.created")
			.hasSource("https://example.com/orders")
			.hasSource(URI.create("https://example.com/orders"))
			.hasSubject("42")
			.hasDataContentType("application/json")
			.hasTime(TIME.withOffsetSameInstant(ZoneOffset.ofHours(2)))
			.hasAttribute("time", "2024-01-02T03:04:05Z")
			.hasExtension("traceparent")
			.hasExtension("priority", 3)
			.hasExtension("priority", "3")
			.hasNoExtension("partitionkey");
	}

	@Test
	void wrongTypeFailsShowingActualAndExpected() {
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> assertThat(EVENT).hasType("com.example.order.shipped"))
			.withMessageContaining("Expecting CloudEvent to have type:")
			.withMessageContaining("\"com.example.order.shipped\"")
			.withMessageContaining("but was:\n  \"com.example.order.created\"")
			.withMessageContaining("id=order-42")
			.satisfies((error) -> {
				assertThat(error.getExpected().getValue()).isEqualTo("com.example.order.shipped");
				assertThat(error.getActual().getValue()).isEqualTo("com.example.order.created");
			});
	}

	@Test
	void wrongSourceIdSubjectAndTimeFailNamingTheAttribute() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasSource("/other"))
			.withMessageContaining("to have source:\n  \"/other\"\nbut was:\n  \"https://example.com/orders\"");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasId("1"))
			.withMessageContaining("to have id:");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(EVENT.mutate().subject(null).build()).hasSubject("42"))
			.withMessageContaining("but was:\n  no subject");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasTime(TIME.plusSeconds(1)))
			.withMessageContaining("to have time:");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(EVENT).hasSpecVersion(SpecVersion.V0_3))
			.withMessageContaining("to have specversion:");
	}

	@Test
	void missingExtensionFailsListingTheEventsExtensions() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(EVENT).hasExtension("partitionkey", "a"))
			.withMessageContaining("to have extension \"partitionkey\" but it has only [priority, traceparent]");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasAttribute("other", "a"))
			.withMessageContaining("to have attribute \"other\" but it has only [specversion, id, source, type");
	}

	@Test
	void wrongExtensionValueFailsShowingBoth() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasExtension("priority", 4))
			.withMessageContaining("to have priority:\n  \"4\"\nbut was:\n  \"3\"");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasNoExtension("priority"))
			.withMessageContaining("not to have extension \"priority\" but it has \"3\"");
	}

	@Test
	void binaryExtensionIsComparedByItsBytesOrItsBase64() {
		CloudEvent event = EVENT.mutate().extension("key", new byte[] { 1, 2 }).build();
		assertThat(event).hasExtension("key", new byte[] { 1, 2 }).hasExtension("key", "AQI=");
	}

	@Test
	void jsonDataIsComparedAsJson() {
		assertThat(EVENT).hasDataEqualTo("{ \"quantity\": 3, \"id\": \"42\" }");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> assertThat(EVENT).hasDataEqualTo("{\"id\": \"42\", \"quantity\": 4}"))
			.withMessageContaining("to be equal to:\n  {\"id\": \"42\", \"quantity\": 4}")
			.withMessageContaining("but was:\n  {\"id\":\"42\",\"quantity\":3}");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasDataEqualTo("not json"))
			.withMessageContaining("to be equal to:\n  not json");
	}

	@Test
	void textDataIsComparedAsTextInItsCharset() {
		CloudEvent event = EVENT.mutate()
			.data("text/plain; charset=ISO-8859-1", "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))
			.build();
		assertThat(event).hasDataEqualTo("caf\u00e9");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(event).hasDataEqualTo("cafe"))
			.withMessageContaining("but was:\n  caf\u00e9");
	}

	@Test
	void dataBytesAreComparedExactly() {
		CloudEvent event = EVENT.mutate().data("application/octet-stream", new byte[] { 1, 2, 3 }).build();
		assertThat(event).hasDataEqualTo(new byte[] { 1, 2, 3 });
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(event).hasDataEqualTo(new byte[] { 1, 2 }))
			.withMessageContaining("to be equal to the 2 bytes:\n  [1, 2]\nbut was the 3 bytes:\n  [1, 2, 3]");
	}

	@Test
	void dataIsReadAsAType() {
		assertThat(EVENT).dataAs(Order.class).isEqualTo(new Order("42", 3));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(EVENT).dataAs(Order.class).isEqualTo(new Order("42", 4)))
			.withMessageContaining("[data of CloudEvent{specversion=1.0, id=order-42");
	}

	@Test
	void dataThatCannotBeReadAsTheTypeFailsShowingWhy() {
		CloudEvent event = EVENT.mutate().data("application/json", "[1]".getBytes(StandardCharsets.UTF_8)).build();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(event).dataAs(Order.class))
			.withMessageContaining("to be readable as dev.cloudevents.spring.test.Order but it is not")
			.withMessageContaining("data:\n  [1]");
	}

	@Test
	void missingDataFails() {
		CloudEvent event = EVENT.mutate().data((byte[]) null).dataContentType(null).build();
		assertThat(event).hasNoData();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(event).hasDataEqualTo("{}"))
			.withMessageContaining("to have data but it has none");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(EVENT).hasNoData())
			.withMessageContaining("to have no data but it has:\n  {\"id\":\"42\",\"quantity\":3}");
	}

	@Test
	void nullEventFails() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat((CloudEvent) null).hasId("1"))
			.withMessageContaining("Expecting actual not to be null");
	}

}
