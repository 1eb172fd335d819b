package dev.cloudevents.spring;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the one-pass test that spares the usual {@code datacontenttype} values Spring's
 * parser: whatever it passes, the parser and the rest of the checks accept.
 */
class PlainMediaTypeTests {

	@Property(tries = 20000)
	void whatPassesAsPlainSpringParsesAndTheSpecsStringTypeAllows(@ForAll("mediaTypeLikeTexts") String text) {
		if (Values.plainMediaType(text)) {
			assertThat(MimeTypeUtils.parseMimeType(text).toString()).isEqualToIgnoringCase(text);
			assertThat(text).isNotEmpty().matches("[\\x21-\\x7E]+");
		}
	}

	@Test
	void usualMediaTypesArePlainAndParametersOrWildcardsAreNot() {
		assertThat(new String[] { "application/json", "application/cloudevents+json", "text/plain",
				"application/vnd.example.order-v2+json", "image/png" })
			.allMatch(Values::plainMediaType);
		assertThat(new String[] { "", "/", "a/", "/b", "a", "a/b/c", "*/*", "a/*", "*/json",
				"text/plain; charset=utf-8", "a /b", "\"a/b", "a/b\u00e9" })
			.noneMatch(Values::plainMediaType);
	}

	@Provide
	Arbitrary<String> mediaTypeLikeTexts() {
		return Arbitraries.strings().withChars("aZ09/+-.!#$%&'^_`|~*;= \"()<>@,:[]?{}\\\u00e9\t").ofMaxLength(8);
	}

}
