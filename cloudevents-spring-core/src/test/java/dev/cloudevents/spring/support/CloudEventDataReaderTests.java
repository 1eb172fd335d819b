package dev.cloudevents.spring.support;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.CloudEventRequestException;
import dev.cloudevents.spring.web.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Data that cannot be bound is a 400 that says why (the content type, or the field and
 * what the mapper found there) without repeating the data.
 */
class CloudEventDataReaderTests {

	private final CloudEventDataReader reader = new CloudEventDataReader(new JsonEventFormat());

	@Test
	void stringDataForAnObjectSaysTheDataIsAString() {
		assertUnreadable("application/json", "\"secret-abc\"", "order",
				"the data is a string, which does not read as Order");
	}

	@Test
	void aFieldOfTheWrongTypeIsNamedWithWhatItHolds() {
		assertUnreadable("application/json", "{\"id\":\"1\",\"quantity\":\"secret-many\"}", "order",
				"field 'quantity' is a string, which does not read as int");
	}

	@Test
	void aMissingFieldIsNamed() {
		assertUnreadable("application/json", "{\"id\":\"secret-1\"}", "order", "field 'quantity' is missing");
	}

	@Test
	void aNumberOutOfRangeIsNamed() {
		assertUnreadable(null, "{\"id\":\"1\",\"quantity\":99999999999}", "order",
				"field 'quantity' is a number out of the range of int");
	}

	@Test
	void aFieldInsideAListIsNamedWithItsIndex() {
		assertUnreadable("application/json", "[{\"id\":\"1\",\"quantity\":1},{\"id\":{\"secret\":1},\"quantity\":1}]",
				"orders", "field '[1].id' is an object, which does not read as String");
	}

	@Test
	void textDataSaysItsContentTypeIsNotJson() {
		assertUnreadable("text/plain", "secret order", "order",
				"its datacontenttype 'text/plain' is not JSON (a String or byte[] parameter takes any data)");
	}

	@Test
	void malformedJsonSaysWhere() {
		assertUnreadable("application/json", "{\"id\":\"secret", "order",
				"the data is not valid JSON (line 1, column 14)");
	}

	@Test
	void anUnknownFieldIsNamedWhenTheMapperRejectsThem() {
		CloudEventDataReader strict = new CloudEventDataReader(new JsonEventFormat(
				JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
		assertThatExceptionOfType(CloudEventRequestException.class)
			.isThrownBy(() -> strict.read(event("application/json", "{\"id\":\"1\",\"quantity\":1,\"colour\":\"red\"}"),
					parameter("order")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("CloudEvent data cannot be read as "
					+ Order.class.getName() + ": field 'colour' is not a property of Order"));
	}

	private void assertUnreadable(String contentType, String data, String parameter, String reason) {
		MethodParameter methodParameter = parameter(parameter);
		assertThatExceptionOfType(CloudEventRequestException.class)
			.isThrownBy(() -> this.reader.read(event(contentType, data), methodParameter))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
				assertThat(ex.getReason()).endsWith(": " + reason).doesNotContain("secret");
			});
	}

	private static CloudEvent event(String contentType, String data) {
		return CloudEvent.builder()
			.id("1")
			.source("/s")
			.type("t")
			.data(contentType, data.getBytes(StandardCharsets.UTF_8))
			.build();
	}

	private static MethodParameter parameter(String name) {
		Method method = Arrays.stream(Handlers.class.getDeclaredMethods())
			.filter((candidate) -> candidate.getName().equals(name))
			.findFirst()
			.orElseThrow();
		return new MethodParameter(method, 0);
	}

	static class Handlers {

		void order(@CloudEventData Order order) {
		}

		void orders(@CloudEventData List<Order> orders) {
		}

	}

}
