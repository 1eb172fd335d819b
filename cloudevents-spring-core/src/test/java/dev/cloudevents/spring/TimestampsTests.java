package dev.cloudevents.spring;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

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
