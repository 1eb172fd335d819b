package dev.cloudevents.spring.support;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

class EventLoggingTests {

	@Test
	void lineBreaksCannotForgeALogLine() {
		assertThat(EventLogging.escape("a\r\nWARN forged")).isEqualTo("a\\r\\nWARN forged");
		assertThat(EventLogging.escape("a\u2028b\u0085c\u001b[31m")).isEqualTo("a\\u2028b\\u0085c\\u001b[31m");
	}

	@Test
	void backslashesAreEscapedSoThatAnEscapeCannotBeForged() {
		assertThat(EventLogging.escape("a\\nb")).isEqualTo("a\\\\nb");
	}

	@Test
	void longValuesAreCut() {
		assertThat(EventLogging.escape("x".repeat(300))).hasSize(259).endsWith("...");
	}

	@Test
	void eventIsDescribedByIdTypeSourceAndModeWithoutData() {
		CloudEvent event = CloudEvent.builder().id("1").source("/s").type("t").data("secret").build();
		assertThat(EventLogging.describe(event, "binary")).isEqualTo("id='1', type='t', source='/s', mode=binary")
			.doesNotContain("secret");
	}

	@Property
	void escapedValueHasNoControlCharacterAndPlainTextIsKept(@ForAll String value) {
		String escaped = EventLogging.escape(value);
		assertThat(escaped.chars()).noneMatch((c) -> c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029);
		if (value.length() <= 256 && value.chars().allMatch((c) -> c >= 0x20 && c < 0x7f && c != '\\')) {
			assertThat(escaped).isEqualTo(value);
		}
	}

}
