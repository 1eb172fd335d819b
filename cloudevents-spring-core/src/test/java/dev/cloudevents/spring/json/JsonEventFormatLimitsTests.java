package dev.cloudevents.spring.json;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventLimitExceededException;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.EventLimits.Limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each of the {@link EventLimits} of the JSON format, at the limit and one over.
 */
class JsonEventFormatLimitsTests {

	private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"";

	@Test
	void aBatchMayHoldAsManyEventsAsTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxBatchSize(3));
		assertThat(format.deserializeBatch(batch(3))).hasSize(3);
	}

	@Test
	void aBatchOfOneEventMoreIsRejectedNamingTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxBatchSize(3));
		assertExceeded(() -> format.deserializeBatch(batch(4)), Limit.BATCH_SIZE,
				"The batch holds more than 3 events (limit max-batch-size)");
	}

	@Test
	void aBatchIsRejectedAsSoonAsItGoesOverTheLimitBeforeTheRestIsRead() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxBatchSize(3));
		// the fifth element is no event, and the document never ends: only the count
		// can be the reason
		byte[] json = bytes("[" + EVENT + "}," + EVENT + "}," + EVENT + "}," + EVENT + "}, 42, {");
		assertExceeded(() -> format.deserializeBatch(json), Limit.BATCH_SIZE, "limit max-batch-size");
	}

	@Test
	void theDefaultBatchLimitIsAThousandEvents() {
		JsonEventFormat format = new JsonEventFormat();
		assertThat(format.limits().maxBatchSize()).isEqualTo(1000);
		assertThat(format.deserializeBatch(batch(1000))).hasSize(1000);
		assertExceeded(() -> format.deserializeBatch(batch(1001)), Limit.BATCH_SIZE, "more than 1000 events");
	}

	@Test
	void anEventMayHaveAsManyExtensionsAsTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxExtensions(2));
		assertThat(format.deserialize(withExtensions(2)).extensions()).hasSize(2);
	}

	@Test
	void anEventWithOneExtensionMoreIsRejectedNamingTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxExtensions(2));
		assertExceeded(() -> format.deserialize(withExtensions(3)), Limit.EXTENSIONS,
				"The event has more than 2 extension attributes (limit max-extensions)");
	}

	@Test
	void extensionsWithNullValuesCountAsMembers() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxExtensions(1));
		assertExceeded(() -> format.deserialize(bytes(EVENT + ",\"a\":null,\"b\":null}")), Limit.EXTENSIONS,
				"more than 1 extension");
	}

	@Test
	void anEventInABatchWithTooManyExtensionsIsRejectedWithItsIndex() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxExtensions(2));
		byte[] json = bytes("[" + EVENT + "}," + new String(withExtensions(3), StandardCharsets.UTF_8) + "]");
		assertExceeded(() -> format.deserializeBatch(json), Limit.EXTENSIONS,
				"more than 2 extension attributes (limit max-extensions) (in the event at index 1 of the batch)");
	}

	@Test
	void theDefaultExtensionLimitIsSixtyFour() {
		JsonEventFormat format = new JsonEventFormat();
		assertThat(format.deserialize(withExtensions(64)).extensions()).hasSize(64);
		assertExceeded(() -> format.deserialize(withExtensions(65)), Limit.EXTENSIONS, "more than 64");
	}

	@Test
	void dataMayBeNestedAsDeeplyAsTheLimitCountingTheEvent() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxNestingDepth(5));
		CloudEvent event = format.deserialize(withData(nested(4)));
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo(nested(4));
	}

	@Test
	void dataNestedOneLevelDeeperIsRejectedNamingTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxNestingDepth(5));
		assertExceeded(() -> format.deserialize(withData(nested(5))), Limit.NESTING_DEPTH,
				"The JSON is nested deeper than 5 levels (limit max-nesting-depth)");
	}

	@Test
	void nestingInABatchCountsTheArray() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxNestingDepth(5));
		assertThat(format.deserializeBatch(bytes("[" + new String(withData(nested(3)), StandardCharsets.UTF_8) + "]")))
			.hasSize(1);
		assertExceeded(
				() -> format
					.deserializeBatch(bytes("[" + new String(withData(nested(4)), StandardCharsets.UTF_8) + "]")),
				Limit.NESTING_DEPTH, "nested deeper than 5 levels (limit max-nesting-depth)");
	}

	@Test
	void theDefaultNestingLimitIsSixtyFourLevels() {
		JsonEventFormat format = new JsonEventFormat();
		assertThat(format.deserialize(withData(nested(63))).hasData()).isTrue();
		assertExceeded(() -> format.deserialize(withData(nested(64))), Limit.NESTING_DEPTH, "deeper than 64");
	}

	@Test
	void aStringMayBeAsLongAsTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxStringLength(1000));
		assertThat(format.deserialize(bytes(EVENT + ",\"subject\":\"" + "x".repeat(1000) + "\"}")).subject())
			.hasSize(1000);
	}

	@Test
	void aStringOneCharacterLongerIsRejectedNamingTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxStringLength(1000));
		assertExceeded(() -> format.deserialize(bytes(EVENT + ",\"subject\":\"" + "x".repeat(1001) + "\"}")),
				Limit.STRING_LENGTH, "A JSON string is longer than 1000 characters (limit max-string-length)");
	}

	@Test
	void theStringLimitAppliesToStringData() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxStringLength(1000));
		String json = EVENT + ",\"datacontenttype\":\"text/plain\",\"data\":\"" + "x".repeat(1001) + "\"}";
		assertExceeded(() -> format.deserialize(bytes(json)), Limit.STRING_LENGTH, "limit max-string-length");
	}

	@Test
	void theDefaultStringLimitIsFiveMillionCharacters() {
		JsonEventFormat format = new JsonEventFormat();
		String json = EVENT + ",\"subject\":\"%s\"}";
		assertThat(format.deserialize(bytes(json.formatted("x".repeat(5_000_000)))).subject()).hasSize(5_000_000);
		assertExceeded(() -> format.deserialize(bytes(json.formatted("x".repeat(5_000_001)))), Limit.STRING_LENGTH,
				"longer than 5000000 characters");
	}

	@Test
	void aNumberMayBeAsLongAsTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxNumberLength(20));
		CloudEvent event = format.deserialize(withData("[" + "1".repeat(20) + "]"));
		assertThat(event.data()).asString(StandardCharsets.UTF_8).isEqualTo("[" + "1".repeat(20) + "]");
	}

	@Test
	void aNumberInDataOneDigitLongerIsRejectedNamingTheLimit() {
		JsonEventFormat format = format(EventLimits.defaults().withMaxNumberLength(20));
		assertExceeded(() -> format.deserialize(withData("[" + "1".repeat(21) + "]")), Limit.NUMBER_LENGTH,
				"A JSON number is longer than 20 characters (limit max-number-length)");
		assertExceeded(() -> format.deserialize(withData("{\"n\":0." + "1".repeat(21) + "}")), Limit.NUMBER_LENGTH,
				"limit max-number-length");
	}

	@Test
	void theDefaultNumberLimitIsAHundredCharacters() {
		JsonEventFormat format = new JsonEventFormat();
		assertThat(format.deserialize(withData("[" + "1".repeat(100) + "]")).hasData()).isTrue();
		assertExceeded(() -> format.deserialize(withData("[" + "1".repeat(101) + "]")), Limit.NUMBER_LENGTH,
				"longer than 100 characters");
	}

	@Test
	void limitsLeaveTheApplicationsMapperAsItIs() {
		JsonMapper mapper = JsonMapper.builder().build();
		new JsonEventFormat(mapper, EventLimits.defaults().withMaxStringLength(10));
		assertThat(mapper.tokenStreamFactory().streamReadConstraints().getMaxStringLength())
			.isGreaterThan(EventLimits.DEFAULT_MAX_STRING_LENGTH);
		assertThat(mapper.readValue("\"" + "x".repeat(100) + "\"", String.class)).hasSize(100);
	}

	@Test
	void limitsAreValidated() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EventLimits.defaults().withMaxBatchSize(0))
			.withMessage("The limit max-batch-size must be at least 1 but was 0");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EventLimits.defaults().withMaxExtensions(-1))
			.withMessageContaining("max-extensions");
		assertThat(EventLimits.defaults().withMaxExtensions(0).maxExtensions()).isZero();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EventLimits.defaults().withMaxNestingDepth(0))
			.withMessageContaining("max-nesting-depth");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EventLimits.defaults().withMaxStringLength(0))
			.withMessageContaining("max-string-length");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> EventLimits.defaults().withMaxNumberLength(0))
			.withMessageContaining("max-number-length");
	}

	@Test
	void limitsAreValues() {
		EventLimits limits = EventLimits.defaults().withMaxBatchSize(7).withMaxExtensions(3);
		assertThat(limits).isEqualTo(EventLimits.defaults().withMaxExtensions(3).withMaxBatchSize(7))
			.hasSameHashCodeAs(EventLimits.defaults().withMaxExtensions(3).withMaxBatchSize(7))
			.isNotEqualTo(EventLimits.defaults());
		assertThat(limits.maxNestingDepth()).isEqualTo(EventLimits.DEFAULT_MAX_NESTING_DEPTH);
		assertThat(limits).hasToString("EventLimits[max-batch-size=7, max-extensions=3, max-nesting-depth=64, "
				+ "max-string-length=5000000, max-number-length=100]");
	}

	private static JsonEventFormat format(EventLimits limits) {
		return new JsonEventFormat(JsonMapper.shared(), limits);
	}

	private static void assertExceeded(Runnable reading, Limit limit, String message) {
		assertThatExceptionOfType(EventLimitExceededException.class).isThrownBy(reading::run)
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getLimit()).isEqualTo(limit));
	}

	private static byte[] batch(int size) {
		return bytes(Collections.nCopies(size, EVENT + "}").stream().collect(Collectors.joining(",", "[", "]")));
	}

	private static byte[] withExtensions(int count) {
		return bytes(EVENT
				+ IntStream.range(0, count).mapToObj((i) -> ",\"ext" + i + "\":\"v\"").collect(Collectors.joining())
				+ "}");
	}

	private static byte[] withData(String data) {
		return bytes(EVENT + ",\"data\":" + data + "}");
	}

	/** JSON data nested {@code depth} levels deep. */
	private static String nested(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
