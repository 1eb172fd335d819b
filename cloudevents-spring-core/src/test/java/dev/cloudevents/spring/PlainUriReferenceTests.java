package dev.cloudevents.spring;

import java.net.URI;
import java.net.URISyntaxException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the one-pass test that lets an event keep its {@code source} as text and build
 * the {@link URI} only when asked: whatever it passes, {@code java.net.URI} parses, and
 * the sources events usually have pass it.
 */
class PlainUriReferenceTests {

	@Property(tries = 20000)
	void whatPassesAsPlainJavaNetUriParsesToTheSameText(@ForAll("uriLikeTexts") String text) throws URISyntaxException {
		if (Values.plainUriReference(text)) {
			assertThat(new URI(text)).hasToString(text);
		}
	}

	@Property(tries = 5000)
	void uriReferencesOfPlainCharactersArePlain(@ForAll("plainUriReferences") String text) throws URISyntaxException {
		assertThat(new URI(text)).hasToString(text);
		assertThat(Values.plainUriReference(text)).isTrue();
	}

	@Test
	void usualSourcesArePlain() {
		assertThat(new String[] { "https://example.com/orders", "/orders/42", "order-service", "urn:uuid:6f1c2a9e",
				"mailto:orders@example.com", "https://example.com:8443/a%20b?x=1&y=2#top", "//example.com/x", "#f",
				"?q", "s3://bucket/key" })
			.allMatch(Values::plainUriReference);
	}

	@Test
	void whatJavaNetUriRejectsOrWhatNeedsItsJudgementIsNotPlain() {
		assertThat(new String[] { "", ":x", "1a:b", "a_b:c", "mailto:", "http://", "//", "a:#f", "a#b#c", "a b", "%zz",
				"a%4", "http://[::1]/", "caf\u00e9", "a\nb", "a\"b" })
			.noneMatch(Values::plainUriReference);
	}

	@Test
	void anEventBuildsItsSourceUriWhenAskedAndWritesTheTextAsGiven() {
		CloudEvent event = CloudEvent.builder().source("https://example.com/a%20b").type("t").build();
		assertThat(event.attributeAsString(CloudEvent.SOURCE)).isEqualTo("https://example.com/a%20b");
		assertThat(event.source()).isEqualTo(URI.create("https://example.com/a%20b")).isSameAs(event.source());
		assertThat(event.mutate().build()).isEqualTo(event);
	}

	@Provide
	Arbitrary<String> uriLikeTexts() {
		Arbitrary<String> pieces = Arbitraries.of("http", "a", "Z9", "1", "+", "-", ".", "_", "~", ":", "//", "/", "?",
				"#", "%", "%2f", "%g", "@", "!", "$", "&", "'", "(", ")", "*", ",", ";", "=", "[", "]", "::1", " ",
				"\u00e9", "\"", "<", "\\", "|", "^", "`", "{", "}", "80", "host");
		return pieces.list().ofMaxSize(8).map((list) -> String.join("", list));
	}

	@Provide
	Arbitrary<String> plainUriReferences() {
		Arbitrary<String> word = Arbitraries.strings()
			.withChars("abcXYZ019-._~!$&'()*+,;=%")
			.ofMinLength(1)
			.ofMaxLength(6)
			.map((text) -> text.replace("%", "%4A"));
		Arbitrary<String> scheme = Arbitraries.of("", "http:", "urn:", "a+b.c-d:");
		Arbitrary<String> authority = Arbitraries.of("", "//").flatMap((slashes) -> word.map((w) -> slashes + w));
		Arbitrary<String> path = word.list().ofMaxSize(3).map((segments) -> String.join("/", segments));
		Arbitrary<String> query = Arbitraries.of("", "?")
			.flatMap((mark) -> word.map((w) -> mark.isEmpty() ? "" : mark + w));
		Arbitrary<String> fragment = Arbitraries.of("", "#")
			.flatMap((mark) -> word.map((w) -> mark.isEmpty() ? "" : mark + w));
		return Combinators.combine(scheme, authority, path, query, fragment)
			.as((s, a, p, q, f) -> s + a + (a.startsWith("//") && !p.isEmpty() ? "/" : "") + p + q + f)
			.filter((text) -> !text.isEmpty() && !text.endsWith(":") && !text.contains(":#"))
			.filter((text) -> {
				// a relative reference whose first segment has a colon reads as a scheme
				int colon = text.indexOf(':');
				return colon < 0 || text.startsWith("http:") || text.startsWith("urn:") || text.startsWith("a+b.c-d:");
			});
	}

}
