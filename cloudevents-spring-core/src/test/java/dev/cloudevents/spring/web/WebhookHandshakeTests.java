package dev.cloudevents.spring.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.webhook.WebhookHandshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WebhookHandshakeTests {

	@Test
	void anAllowedOriginGetsItselfAndAnUnlimitedRate() {
		WebhookHandshake handshake = new WebhookHandshake(List.of("a.example", "b.example"), null);
		assertThat(handshake.consent("b.example").toSingleValueMap()).containsOnly(
				entry(WebhookHandshake.ALLOWED_ORIGIN, "b.example"), entry(WebhookHandshake.ALLOWED_RATE, "*"));
	}

	@Test
	void originsCompareCaseInsensitivelyAndTheAnswerEchoesTheRequest() {
		WebhookHandshake handshake = new WebhookHandshake(List.of("Events.Example.com"), 120);
		assertThat(handshake.allows("events.example.COM")).isTrue();
		assertThat(handshake.consent("events.example.COM").toSingleValueMap()).containsOnly(
				entry(WebhookHandshake.ALLOWED_ORIGIN, "events.example.COM"),
				entry(WebhookHandshake.ALLOWED_RATE, "120"));
	}

	@Test
	void anOriginNotAllowedGetsNoConsentHeaders() {
		WebhookHandshake handshake = new WebhookHandshake(List.of("a.example"), 10);
		assertThat(handshake.allows("evil.example")).isFalse();
		assertThat(handshake.consent("evil.example").isEmpty()).isTrue();
		assertThat(handshake.consent(null).isEmpty()).isTrue();
	}

	@Test
	void anAsteriskAllowsEveryOriginAndAnswersWithAnAsterisk() {
		WebhookHandshake handshake = new WebhookHandshake(List.of("*"), null);
		assertThat(handshake.allows("anything.example")).isTrue();
		assertThat(handshake.consent("anything.example").getFirst(WebhookHandshake.ALLOWED_ORIGIN)).isEqualTo("*");
	}

	@Test
	void noOriginsAllowNothing() {
		assertThat(new WebhookHandshake(List.of(), null).allows("a.example")).isFalse();
	}

	@Test
	void theRateMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new WebhookHandshake(List.of("*"), 0));
	}

	private static Map.Entry<String, String> entry(String key, String value) {
		return Map.entry(key, value);
	}

}
