package dev.cloudevents.spring.support;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class RateLimitedLogTests {

	private final AtomicLong now = new AtomicLong();

	private final RateLimitedLog log = new RateLimitedLog(LogFactory.getLog(RateLimitedLogTests.class),
			Duration.ofMinutes(1), this.now::get);

	@Test
	void oneCauseIsWrittenOncePerIntervalWithTheCountOfTheOthers(CapturedOutput output) {
		for (int i = 0; i < 5; i++) {
			this.log.warn("400 source", () -> "rejected source");
		}
		this.now.addAndGet(Duration.ofSeconds(61).toNanos());
		this.log.warn("400 source", () -> "rejected source again");
		assertThat(output.getOut().lines().filter((line) -> line.contains("rejected source"))).satisfiesExactly(
				(line) -> assertThat(line).endsWith("rejected source"),
				(line) -> assertThat(line).endsWith("rejected source again (4 more like it since the last report)"));
	}

	@Test
	void distinctCausesAreWrittenEach(CapturedOutput output) {
		this.log.warn("400 source", () -> "first cause");
		this.log.warn("413 max-body-size", () -> "second cause");
		assertThat(output.getOut()).contains("first cause", "second cause");
	}

	@Test
	void suppressedMessageIsNotBuilt() {
		this.log.warn("cause", () -> "first");
		this.log.warn("cause", () -> {
			throw new AssertionError("built");
		});
	}

}
