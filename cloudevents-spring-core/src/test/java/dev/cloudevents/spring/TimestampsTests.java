package dev.cloudevents.spring;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checks that timestamps are formatted exactly as the JDK's ISO offset formatter does.
 */
class TimestampsTests {

	@Property(tries = 5000)
	void formattingEqualsTheJdksIsoOffsetDateTime(@ForAll("anyTimes") OffsetDateTime time) {
		assertThat(Timestamps.format(time)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time));
	}

	@Property(tries = 1000)
	void formattedTimestampsParseBackToTheSameTime(@ForAll("anyTimes") OffsetDateTime time) {
		// RFC 3339 has four-digit years and offsets in minutes
		Assume.that(time.getYear() >= 0 && time.getYear() <= 9999 && time.getOffset().getTotalSeconds() % 60 == 0);
		assertThat(Timestamps.parse(CloudEvent.TIME, Timestamps.format(time))).isEqualTo(time);
	}

	@Property(tries = 2000)
	void aTimestampIsCanonicalExactlyWhenFormattingItsTimeGivesItBack(@ForAll("anyTexts") String text) {
		OffsetDateTime time = Timestamps.parse(CloudEvent.TIME, text);
		assertThat(Timestamps.isCanonical(text)).isEqualTo(Timestamps.format(time).equals(text));
	}

	@Property(tries = 1000)
	void aFormattedTimestampIsCanonical(@ForAll("rfc3339Times") OffsetDateTime time) {
		assertThat(Timestamps.isCanonical(Timestamps.format(time))).isTrue();
	}

	@Test
	void anEventPassesTheTimeOnAsItWasReceivedWhenThatIsItsCanonicalForm() {
		CloudEvent event = CloudEvent.builder()
			.source("/s")
			.type("t")
			.attribute(CloudEvent.TIME, "2025-06-01T12:34:56.78+05:30")
			.build();
		assertThat(event.attributeAsString(CloudEvent.TIME)).isEqualTo("2025-06-01T12:34:56.78+05:30");
		CloudEvent other = CloudEvent.builder()
			.source("/s")
			.type("t")
			.attribute(CloudEvent.TIME, "2025-06-01t12:34:56.780+00:00")
			.build();
		assertThat(other.attributeAsString(CloudEvent.TIME)).isEqualTo("2025-06-01T12:34:56.78Z");
		OffsetDateTime later = other.time().plusSeconds(1);
		assertThat(event.mutate().time(later).build().attributeAsString(CloudEvent.TIME))
			.isEqualTo("2025-06-01T12:34:57.78Z");
	}

	@Property(tries = 5000)
	void checkingAcceptsExactlyTheTimestampsTheJdksStrictIsoParserAccepts(@ForAll("timestampShapedTexts") String text) {
		String iso = text.replace('t', 'T').replace(' ', 'T').replace('z', 'Z');
		boolean jdkAccepts;
		try {
			DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(iso);
			jdkAccepts = true;
		}
		catch (DateTimeParseException ex) {
			jdkAccepts = false;
		}
		if (jdkAccepts) {
			Timestamps.check(CloudEvent.TIME, text);
			assertThat(Timestamps.parse(CloudEvent.TIME, text)).isEqualTo(OffsetDateTime.parse(iso));
		}
		else {
			assertThatExceptionOfType(InvalidCloudEventException.class)
				.isThrownBy(() -> Timestamps.check(CloudEvent.TIME, text));
		}
	}

	@Test
	void anEventParsesATimeReceivedAsTextWhenFirstAskedForIt() {
		CloudEvent event = CloudEvent.strictBuilder()
			.specVersion(SpecVersion.V1_0)
			.id("1")
			.source("/s")
			.type("t")
			.attribute(CloudEvent.TIME, "2024-02-29T23:59:59.5-18:00")
			.build();
		assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2024-02-29T23:59:59.5-18:00")).isSameAs(event.time());
		assertThatExceptionOfType(InvalidCloudEventException.class).isThrownBy(
				() -> CloudEvent.builder().source("/s").type("t").attribute(CloudEvent.TIME, "2023-02-29T00:00:00Z"));
	}

	/**
	 * Timestamps of the right shape, each field anywhere in the range of its digits, so
	 * that days past the end of the month, hour 24, second 60 and offsets beyond 18 hours
	 * come up.
	 */
	@Provide
	Arbitrary<String> timestampShapedTexts() {
		Arbitrary<String> separators = Arbitraries.of("T", "t", " ");
		Arbitrary<String> fractions = Arbitraries.oneOf(Arbitraries.just(""),
				Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9).map((digits) -> "." + digits));
		Arbitrary<String> offsets = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00", "+18:00", "-18:01"),
				Combinators
					.combine(Arbitraries.of("+", "-"), Arbitraries.integers().between(0, 25),
							Arbitraries.integers().between(0, 65))
					.as((sign, hours, minutes) -> String.format("%s%02d:%02d", sign, hours, minutes)));
		Arbitrary<Integer> years = Arbitraries.integers()
			.between(0, 9999)
			.edgeCases((config) -> config.add(1900, 2000, 2024));
		Arbitrary<String> date = Combinators
			.combine(years, Arbitraries.integers().between(0, 13), Arbitraries.integers().between(0, 32))
			.as((year, month, day) -> String.format("%04d-%02d-%02d", year, month, day));
		Arbitrary<String> time = Combinators
			.combine(Arbitraries.integers().between(0, 24), Arbitraries.integers().between(0, 60),
					Arbitraries.integers().between(0, 60))
			.as((hour, minute, second) -> String.format("%02d:%02d:%02d", hour, minute, second));
		return Combinators.combine(date, separators, time, fractions, offsets)
			.as((d, separator, t, fraction, offset) -> d + separator + t + fraction + offset);
	}

	@Provide
	Arbitrary<OffsetDateTime> rfc3339Times() {
		return anyTimes().filter((time) -> time.getYear() >= 0 && time.getYear() <= 9999
				&& time.getOffset().getTotalSeconds() % 60 == 0);
	}

	@Provide
	Arbitrary<String> anyTexts() {
		Arbitrary<String> separators = Arbitraries.of("T", "t", " ");
		Arbitrary<String> fractions = Arbitraries.oneOf(Arbitraries.just(""),
				Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12).map((digits) -> "." + digits));
		Arbitrary<String> offsets = Arbitraries.oneOf(Arbitraries.of("Z", "z", "+00:00", "-00:00"),
				Arbitraries.integers().between(-18 * 60, 18 * 60).map((minutes) -> {
					int abs = Math.abs(minutes);
					return String.format("%s%02d:%02d", (minutes < 0) ? "-" : "+", abs / 60, abs % 60);
				}));
		return Combinators.combine(rfc3339Times(), separators, fractions, offsets)
			.as((time, separator, fraction, offset) -> String.format("%04d-%02d-%02d%s%02d:%02d:%02d%s%s",
					time.getYear(), time.getMonthValue(), time.getDayOfMonth(), separator, time.getHour(),
					time.getMinute(), time.getSecond(), fraction, offset));
	}

	@Provide
	Arbitrary<OffsetDateTime> anyTimes() {
		Arbitrary<LocalDateTime> local = Arbitraries.longs()
			.between(LocalDateTime.of(-20000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
					LocalDateTime.of(20000, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC))
			.edgeCases((config) -> config.add(0L, 253402300799L, 253402300800L, -62167219200L, -62167219201L))
			.map((seconds) -> LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC));
		Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(1, 999),
				Arbitraries.integers().between(0, 999).map((n) -> n * 1_000_000),
				Arbitraries.integers().between(0, 999_999).map((n) -> n * 1_000),
				Arbitraries.integers().between(0, 999_999_999));
		Arbitrary<ZoneOffset> offsets = Arbitraries.oneOf(Arbitraries.just(ZoneOffset.UTC),
				Arbitraries.integers().between(-18 * 60, 18 * 60).map((m) -> ZoneOffset.ofTotalSeconds(m * 60)),
				Arbitraries.integers().between(-18 * 3600, 18 * 3600).map(ZoneOffset::ofTotalSeconds));
		return Combinators.combine(local, nanos, offsets)
			.as((time, nano, offset) -> OffsetDateTime.of(time.withNano(nano), offset));
	}

}
