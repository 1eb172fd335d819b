package dev.cloudevents.spring.benchmarks.kafka;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdTallyTests {

	@Test
	void countsDistinctIdsDuplicatesAndGaps() throws InterruptedException {
		IdTally tally = new IdTally();
		tally.expect(3);
		tally.record(0);
		tally.record(2);
		tally.record(2);
		assertThat(tally.await(Duration.ofMillis(10))).isEqualTo(-1);
		tally.record(4);
		assertThat(tally.await(Duration.ofMillis(10))).isNotEqualTo(-1);
		assertThat(tally.distinct()).isEqualTo(3);
		assertThat(tally.duplicates()).isEqualTo(1);
		assertThat(tally.missing(0, 5)).isEqualTo(2);
		assertThat(tally.missing(2, 3)).isZero();
	}

	@Test
	void sequenceNumbersTravelAsDecimalIds() {
		assertThat(Sequences.parse(Sequences.idBytes(1_000_000))).isEqualTo(1_000_000);
		assertThat(Sequences.parse(Sequences.id(42))).isEqualTo(42);
	}

}
