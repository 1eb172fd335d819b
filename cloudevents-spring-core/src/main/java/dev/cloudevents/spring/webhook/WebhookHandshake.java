package dev.cloudevents.spring.webhook;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The abuse protection of the CloudEvents HTTP webhook specification (section 4), as a
 * policy: which sender origins may deliver events, and at what rate. The Spring MVC and
 * WebFlux adapters apply it to the endpoints that receive CloudEvents: they answer the
 * {@code OPTIONS} validation request with {@linkplain #consent consent} for an allowed
 * origin, and refuse deliveries from an origin that is not {@linkplain #allows allowed}.
 * <p>
 * Origins are DNS names, compared case-insensitively; {@value #ANY} allows every origin.
 * The allowed rate is in requests per minute; without one, the rate is unlimited.
 * <p>
 * Instances are immutable.
 *
 * @since 0.1.0
 * @see <a href=
 * "https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/http-webhook.md#4-abuse-protection">HTTP
 * 1.1 Web Hooks for Event Delivery, section 4</a>
 */
public final class WebhookHandshake {

	/** Header of the validation request and of deliveries that names the sender. */
	public static final String REQUEST_ORIGIN = "WebHook-Request-Origin";

	/** Header of the validation request that asks for a rate, in requests per minute. */
	public static final String REQUEST_RATE = "WebHook-Request-Rate";

	/** Header of the validation response that grants delivery to an origin. */
	public static final String ALLOWED_ORIGIN = "WebHook-Allowed-Origin";

	/** Header of the validation response that grants a rate, in requests per minute. */
	public static final String ALLOWED_RATE = "WebHook-Allowed-Rate";

	/** Origin, and rate, that stands for all of them. */
	public static final String ANY = "*";

	private final boolean anyOrigin;

	private final Set<String> origins;

	private final String allowedRate;

	/**
	 * Create a policy.
	 * @param allowedOrigins the origins that may deliver, or {@value #ANY} for all
	 * @param allowedRate the requests per minute each may send, or {@code null} for no
	 * limit
	 */
	public WebhookHandshake(List<String> allowedOrigins, @Nullable Integer allowedRate) {
		Assert.isTrue(allowedRate == null || allowedRate > 0, "The allowed rate must be greater than zero");
		this.anyOrigin = allowedOrigins.contains(ANY);
		this.origins = allowedOrigins.stream()
			.map((origin) -> origin.trim().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.allowedRate = (allowedRate != null) ? allowedRate.toString() : ANY;
	}

	/**
	 * Return whether an origin may deliver events.
	 * @param origin the value of {@value #REQUEST_ORIGIN}
	 * @return whether it is allowed
	 */
	public boolean allows(String origin) {
		return this.anyOrigin || this.origins.contains(origin.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * Return the headers that answer a validation request: when its origin is allowed,
	 * {@value #ALLOWED_ORIGIN} ({@value #ANY} when every origin is, else the origin
	 * itself) and {@value #ALLOWED_RATE} (the configured rate, or {@value #ANY});
	 * otherwise none, which the specification reads as no consent.
	 * @param origin the value of {@value #REQUEST_ORIGIN}, or {@code null} if the request
	 * has none
	 * @return the headers to add to the response, possibly none
	 */
	public HttpHeaders consent(@Nullable String origin) {
		HttpHeaders headers = new HttpHeaders();
		if (origin != null && allows(origin)) {
			headers.set(ALLOWED_ORIGIN, this.anyOrigin ? ANY : origin.trim());
			headers.set(ALLOWED_RATE, this.allowedRate);
		}
		return headers;
	}

}
