package dev.cloudevents.spring.json;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.InvalidEvents;
import dev.cloudevents.spring.InvalidEvents.InvalidEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonEventFormatInvalidInputTests {

	private final JsonEventFormat format = new JsonEventFormat();

	static Stream<InvalidEvent> events() {
		return InvalidEvents.events();
	}

	static Stream<InvalidEvent> nonEmptyEvents() {
		return InvalidEvents.events().filter((invalid) -> invalid.body().length > 0);
	}

	static Stream<InvalidEvent> batches() {
		return InvalidEvents.batches();
	}

	@Test
	void corpusHoldsAtLeastFortyDistinctCases() {
		assertThat(InvalidEvents.all()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(InvalidEvents.all()).extracting(InvalidEvent::name).doesNotHaveDuplicates();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void invalidEventIsRejectedWithAMessageNamingTheProblem(InvalidEvent invalid) {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format.deserialize(invalid.body()))
			.withMessageContaining(invalid.expectedMessage());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nonEmptyEvents")
	void invalidEventInsideABatchIsRejectedWithItsIndex(InvalidEvent invalid) {
		byte[] body = invalid.body();
		byte[] batch = new byte[body.length + 2];
		batch[0] = '[';
		System.arraycopy(body, 0, batch, 1, body.length);
		batch[batch.length - 1] = ']';
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format.deserializeBatch(batch))
			.withMessageContaining("at index ");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("batches")
	void invalidBatchIsRejectedWithAMessageNamingTheProblem(InvalidEvent invalid) {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format.deserializeBatch(invalid.body()))
			.withMessageContaining(invalid.expectedMessage());
	}

	@Test
	void attributeErrorInABatchKeepsTheAttributeName() {
		byte[] batch = "[{\"specversion\":\"1.0\",\"id\":\"\",\"source\":\"/s\",\"type\":\"t\"}]".getBytes();
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format.deserializeBatch(batch))
			.withMessage("Attribute 'id' must not be empty (in the event at index 0 of the batch)")
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo("id"));
	}

	@Test
	void malformedJsonHasNoAttribute() {
		assertThatExceptionOfType(InvalidCloudEventException.class)
			.isThrownBy(() -> this.format.deserialize("{\"id\" 1}".getBytes()))
			.satisfies((ex) -> assertThat(ex.getAttribute()).isNull());
	}

}
