package dev.cloudevents.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;

/**
 * AssertJ assertions on a {@link CloudEvent}, obtained from
 * {@link CloudEventAssertions#assertThat(CloudEvent)}: <pre class="code">
 * assertThat(event).hasType("com.example.order.created")
 *     .hasSource("/orders")
 *     .hasExtension("traceparent", traceparent)
 *     .hasDataEqualTo("{\"id\": \"42\", \"quantity\": 3}");
 * assertThat(event).dataAs(Order.class).isEqualTo(new Order("42", 3));
 * </pre> A failure names the attribute and shows its actual and expected values, and the
 * event.
 */
public class CloudEventAssert extends AbstractAssert<CloudEventAssert, CloudEvent> {

	// data of events built with objects, read and written as JSON with a default mapper
	private static final JsonEventFormat FORMAT = new JsonEventFormat();

	/**
	 * Create assertions on an event; prefer {@link CloudEventAssertions#assertThat}.
	 * @param actual the event
	 */
	public CloudEventAssert(@Nullable CloudEvent actual) {
		super(actual, CloudEventAssert.class);
	}

	/**
	 * Verify the {@code specversion}.
	 * @param expected the expected spec version
	 * @return this
	 */
	public CloudEventAssert hasSpecVersion(SpecVersion expected) {
		return hasAttributeValue(CloudEvent.SPECVERSION, nonNull().specVersion(), expected);
	}

	/**
	 * Verify the {@code id}.
	 * @param expected the expected id
	 * @return this
	 */
	public CloudEventAssert hasId(String expected) {
		return hasAttributeValue(CloudEvent.ID, nonNull().id(), expected);
	}

	/**
	 * Verify the {@code type}.
	 * @param expected the expected type
	 * @return this
	 */
	public CloudEventAssert hasType(String expected) {
		return hasAttributeValue(CloudEvent.TYPE, nonNull().type(), expected);
	}

	/**
	 * Verify the {@code source}, compared as a URI reference.
	 * @param expected the expected source
	 * @return this
	 */
	public CloudEventAssert hasSource(String expected) {
		return hasAttributeValue(CloudEvent.SOURCE, nonNull().source().toString(), expected);
	}

	/**
	 * Verify the {@code source}.
	 * @param expected the expected source
	 * @return this
	 */
	public CloudEventAssert hasSource(URI expected) {
		return hasAttributeValue(CloudEvent.SOURCE, nonNull().source(), expected);
	}

	/**
	 * Verify the {@code subject}.
	 * @param expected the expected subject
	 * @return this
	 */
	public CloudEventAssert hasSubject(String expected) {
		return hasAttributeValue(CloudEvent.SUBJECT, nonNull().subject(), expected);
	}

	/**
	 * Verify the {@code datacontenttype}, as written.
	 * @param expected the expected content type
	 * @return this
	 */
	public CloudEventAssert hasDataContentType(String expected) {
		return hasAttributeValue(CloudEvent.DATACONTENTTYPE, nonNull().dataContentType(), expected);
	}

	/**
	 * Verify the {@code time}, as an instant: offsets may differ.
	 * @param expected the expected time
	 * @return this
	 */
	public CloudEventAssert hasTime(OffsetDateTime expected) {
		OffsetDateTime time = nonNull().time();
		if (time == null || !time.isEqual(expected)) {
			failOnAttribute(CloudEvent.TIME, time, expected);
		}
		return this;
	}

	/**
	 * Verify any attribute, core or extension, by name. A string is compared with the
	 * attribute's canonical string form, as a binary-mode header carries it, so that
	 * {@code hasAttribute("time", "2024-01-02T03:04:05Z")} holds however the value was
	 * given.
	 * @param name the attribute name
	 * @param expected the expected value
	 * @return this
	 */
	public CloudEventAssert hasAttribute(String name, Object expected) {
		Object value = nonNull().attribute(name);
		if (value == null) {
			failWithMessage("%nExpecting CloudEvent to have attribute %s but it has only %s%nin:%n  %s", quote(name),
					this.actual.attributes().keySet(), this.actual);
		}
		if (!matches(name, value, expected)) {
			failOnAttribute(name, value, expected);
		}
		return this;
	}

	/**
	 * Verify that the event has an extension attribute.
	 * @param name the extension name
	 * @return this
	 */
	public CloudEventAssert hasExtension(String name) {
		if (nonNull().extension(name) == null) {
			failWithMessage("%nExpecting CloudEvent to have extension %s but it has only %s%nin:%n  %s", quote(name),
					this.actual.extensions().keySet(), this.actual);
		}
		return this;
	}

	/**
	 * Verify an extension attribute. A string is compared with the canonical string form
	 * of the value, so {@code hasExtension("priority", "3")} holds for an integer
	 * extension as it does after a trip through binary-mode headers.
	 * @param name the extension name
	 * @param expected the expected value
	 * @return this
	 */
	public CloudEventAssert hasExtension(String name, Object expected) {
		hasExtension(name);
		Object value = this.actual.extension(name);
		if (!matches(name, value, expected)) {
			failOnAttribute(name, value, expected);
		}
		return this;
	}

	/**
	 * Verify that the event has no such extension attribute.
	 * @param name the extension name
	 * @return this
	 */
	public CloudEventAssert hasNoExtension(String name) {
		Object value = nonNull().extension(name);
		if (value != null) {
			failWithMessage("%nExpecting CloudEvent not to have extension %s but it has %s%nin:%n  %s", quote(name),
					quote(canonical(value)), this.actual);
		}
		return this;
	}

	/**
	 * Verify that the event carries no data.
	 * @return this
	 */
	public CloudEventAssert hasNoData() {
		if (nonNull().hasData()) {
			failWithMessage("%nExpecting CloudEvent to have no data but it has:%n  %s%nin:%n  %s", dataText(),
					this.actual);
		}
		return this;
	}

	/**
	 * Verify the data against JSON or text. JSON data is compared as JSON, so spacing and
	 * the order of members do not matter; other data is compared as text in the charset
	 * of its {@code datacontenttype}.
	 * @param expected the expected JSON or text
	 * @return this
	 */
	public CloudEventAssert hasDataEqualTo(String expected) {
		hasData();
		String text = dataText();
		if (isJson(this.actual)) {
			JsonNode expectedJson = readJson(expected);
			JsonNode actualJson = readJson(text);
			if (expectedJson != null && Objects.equals(expectedJson, actualJson)) {
				return this;
			}
		}
		else if (text.equals(expected)) {
			return this;
		}
		failWithActualExpectedAndMessage(text, expected,
				"%nExpecting data of CloudEvent:%n  %s%nto be equal to:%n  %s%nbut was:%n  %s", this.actual, expected,
				text);
		return this;
	}

	/**
	 * Verify the data bytes.
	 * @param expected the expected bytes
	 * @return this
	 */
	public CloudEventAssert hasDataEqualTo(byte[] expected) {
		hasData();
		byte[] data = Objects.requireNonNull(FORMAT.dataBytes(this.actual));
		if (!Arrays.equals(data, expected)) {
			failWithActualExpectedAndMessage(data, expected,
					"%nExpecting data of CloudEvent:%n  %s%nto be equal to the %d bytes:%n  %s%nbut was the %d bytes:%n  %s",
					this.actual, expected.length, Arrays.toString(expected), data.length, Arrays.toString(data));
		}
		return this;
	}

	/**
	 * Read the data as the given type, as
	 * {@link JsonEventFormat#dataAs(CloudEvent, Class)} with a default mapper does, and
	 * return assertions on it.
	 * @param <T> the type
	 * @param type the type to read the data as
	 * @return assertions on the data
	 */
	public <T> ObjectAssert<T> dataAs(Class<T> type) {
		hasData();
		T data;
		try {
			data = FORMAT.dataAs(this.actual, type);
		}
		catch (InvalidCloudEventException ex) {
			throw failure("%nExpecting data of CloudEvent:%n  %s%nto be readable as %s but it is not: %s%ndata:%n  %s",
					this.actual, type.getName(), ex.getMessage(), dataText());
		}
		return new ObjectAssert<>(data).as("data of %s", this.actual);
	}

	private CloudEventAssert hasData() {
		if (!nonNull().hasData()) {
			failWithMessage("%nExpecting CloudEvent to have data but it has none:%n  %s", this.actual);
		}
		return this;
	}

	private CloudEvent nonNull() {
		isNotNull();
		return this.actual;
	}

	private CloudEventAssert hasAttributeValue(String name, @Nullable Object value, Object expected) {
		if (!Objects.equals(value, expected)) {
			failOnAttribute(name, value, expected);
		}
		return this;
	}

	private void failOnAttribute(String name, @Nullable Object value, Object expected) {
		failWithActualExpectedAndMessage(value, expected,
				"%nExpecting CloudEvent to have %s:%n  %s%nbut was:%n  %s%nin:%n  %s", name, quote(canonical(expected)),
				(value != null) ? quote(canonical(value)) : "no " + name, this.actual);
	}

	private boolean matches(String name, @Nullable Object value, Object expected) {
		if (value == null) {
			return false;
		}
		if (Objects.deepEquals(value, expected)) {
			return true;
		}
		String text = this.actual.attributeAsString(name);
		return text != null && text.equals(canonical(expected));
	}

	private String dataText() {
		byte[] data = FORMAT.dataBytes(this.actual);
		if (data == null) {
			return "";
		}
		return isJson(this.actual) ? new String(data, StandardCharsets.UTF_8)
				: String.valueOf(FORMAT.dataAs(this.actual, String.class));
	}

	private static boolean isJson(CloudEvent event) {
		return event.dataContentType() == null || event.isJsonData();
	}

	private static @Nullable JsonNode readJson(String text) {
		try {
			return JsonMapper.shared().readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String canonical(Object value) {
		return (value instanceof byte[] bytes) ? Base64.getEncoder().encodeToString(bytes) : value.toString();
	}

	private static String quote(String text) {
		return "\"" + text + "\"";
	}

}
