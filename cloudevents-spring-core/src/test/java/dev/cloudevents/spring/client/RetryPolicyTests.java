package dev.cloudevents.spring.client;

import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.cloudevents.spring.client.RetryPolicy.Decision;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTests {

	private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

	private static final URI TARGET = URI.create("http://broker.example/");

	@Test
	void backoffGrowsByTheMultiplierUpToTheMaxInterval() {
		RetryPolicy policy = policy(retry(10, 0.0));
		assertThat(IntStream.rangeClosed(1, 7).mapToObj(policy::backoff)).extracting(Duration::toMillis)
			.containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
	}

	@Test
	void jitterSpreadsTheWaitWithinItsBounds() {
		RetryPolicy policy = policy(retry(10, 0.5).withMaxInterval(Duration.ofSeconds(10)));
		assertThat(IntStream.range(0, 1000).mapToObj((i) -> policy.backoff(1)))
			.allSatisfy((wait) -> assertThat(wait).isBetween(Duration.ofMillis(50), Duration.ofMillis(150)))
			.anySatisfy((wait) -> assertThat(wait).isLessThan(Duration.ofMillis(60)))
			.anySatisfy((wait) -> assertThat(wait).isGreaterThan(Duration.ofMillis(140)));
	}

	@Test
	void jitterNeverExceedsTheMaxInterval() {
		RetryPolicy policy = policy(retry(10, 1.0));
		assertThat(IntStream.range(0, 1000).mapToObj((i) -> policy.backoff(10)))
			.allSatisfy((wait) -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
	}

	@Test
	void retryAfterIsReadInDeltaSeconds() {
		assertThat(policy(retry(3, 0.0)).retryAfter(retryAfter(" 120 "))).isEqualTo(Duration.ofSeconds(120));
	}

	@Test
	void retryAfterIsReadAsAnHttpDate() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
		assertThat(policy(retry(3, 0.0)).retryAfter(retryAfter(date))).isEqualTo(Duration.ofSeconds(90));
	}

	@Test
	void retryAfterInThePastMeansAtOnce() {
		assertThat(policy(retry(3, 0.0)).retryAfter(retryAfter("Sun, 01 Mar 2026 11:00:00 GMT")))
			.isEqualTo(Duration.ZERO);
	}

	@Test
	void unreadableRetryAfterIsIgnored() {
		RetryPolicy policy = policy(retry(3, 0.0));
		assertThat(policy.retryAfter(retryAfter("soon"))).isNull();
		assertThat(policy.retryAfter(retryAfter("-5"))).isNull();
		assertThat(policy.decide(1, failure(HttpStatus.TOO_MANY_REQUESTS, "soon")).delay())
			.isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void retryAfterReplacesTheBackoff() {
		Decision decision = policy(retry(3, 0.0)).decide(1, failure(HttpStatus.TOO_MANY_REQUESTS, "3"));
		assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void retryAfterBeyondTheMaximumStops() {
		RetryPolicy policy = policy(retry(3, 0.0));
		assertThat(policy.decide(1, failure(HttpStatus.SERVICE_UNAVAILABLE, "31"))).satisfies((decision) -> {
			assertThat(decision.delay()).isNull();
			assertThat(decision.reason()).contains("31s").contains("max-retry-after");
		});
		assertThat(policy.decide(1, failure(HttpStatus.SERVICE_UNAVAILABLE, "99999999999999999999999")).delay())
			.isNull();
	}

	@Test
	void serverErrorsTooManyRequestsAndConnectionFailuresAreRetried() {
		RetryPolicy policy = policy(retry(3, 0.0));
		assertThat(policy.decide(1, failure(HttpStatus.INTERNAL_SERVER_ERROR, null)).delay())
			.isEqualTo(Duration.ofMillis(100));
		assertThat(policy.decide(2, failure(HttpStatus.BAD_GATEWAY, null)).delay()).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.decide(1, failure(HttpStatus.TOO_MANY_REQUESTS, null)).delay()).isNotNull();
		assertThat(policy.decide(1, new CloudEventConnectionException(TARGET, new ConnectException("refused"))).delay())
			.isNotNull();
	}

	@Test
	void clientErrorsAreNotRetried() {
		RetryPolicy policy = policy(retry(3, 0.0));
		assertThat(IntStream.of(400, 401, 403, 404, 408, 413, 415, 422)
			.mapToObj((status) -> policy.decide(1, failure(HttpStatus.valueOf(status), null))))
			.allSatisfy((decision) -> assertThat(decision).isEqualTo(new Decision(null, null)));
	}

	@Test
	void goneStopsWithTheReason() {
		Decision decision = policy(retry(3, 0.0)).decide(1, failure(HttpStatus.GONE, "1"));
		assertThat(decision.delay()).isNull();
		assertThat(decision.reason()).contains("410 Gone").contains("retired");
	}

	@Test
	void theLastAttemptIsNotRetried() {
		RetryPolicy policy = policy(retry(3, 0.0));
		assertThat(policy.decide(3, failure(HttpStatus.SERVICE_UNAVAILABLE, "0"))).isEqualTo(new Decision(null, null));
		assertThat(policy(retry(1, 0.0)).decide(1, failure(HttpStatus.SERVICE_UNAVAILABLE, null)).delay()).isNull();
	}

	private static RetrySettings retry(int maxAttempts, double jitter) {
		return new RetrySettings(maxAttempts, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), jitter,
				Duration.ofSeconds(30));
	}

	private static RetryPolicy policy(RetrySettings retry) {
		return new RetryPolicy(retry, new Random(42)::nextDouble, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static HttpHeaders retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, value);
		return headers;
	}

	private static CloudEventDeliveryException failure(HttpStatus status, String retryAfter) {
		HttpHeaders headers = (retryAfter != null) ? retryAfter(retryAfter) : new HttpHeaders();
		return new CloudEventDeliveryException(TARGET, status, headers, null);
	}

}
