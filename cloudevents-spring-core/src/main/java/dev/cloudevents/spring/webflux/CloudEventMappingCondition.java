package dev.cloudevents.spring.webflux;

import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.reactive.result.condition.RequestCondition;
import org.springframework.web.server.ServerWebExchange;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.support.CloudEventMappingInfo;
import dev.cloudevents.spring.support.CloudEventMappingInfo.Match;

/**
 * The request condition of a {@code @CloudEventMapping} method: it matches the exchanges
 * whose event, read by {@link CloudEventRequestMappingHandlerMapping} before the lookup,
 * the mapping takes, the more specific match first.
 */
final class CloudEventMappingCondition implements RequestCondition<CloudEventMappingCondition> {

	private final CloudEventMappingInfo info;

	private final @Nullable Match match;

	CloudEventMappingCondition(CloudEventMappingInfo info) {
		this(info, null);
	}

	private CloudEventMappingCondition(CloudEventMappingInfo info, @Nullable Match match) {
		this.info = info;
		this.match = match;
	}

	CloudEventMappingInfo info() {
		return this.info;
	}

	@Override
	public CloudEventMappingCondition combine(CloudEventMappingCondition other) {
		// only methods have the condition: nothing to combine with a type's
		return other;
	}

	@Override
	public @Nullable CloudEventMappingCondition getMatchingCondition(ServerWebExchange exchange) {
		if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
			return this;
		}
		CloudEvent event = exchange.getAttribute(CloudEventMethodArgumentResolver.ROUTED_EVENT_ATTRIBUTE);
		Match match = (event != null) ? this.info.match(event) : null;
		return (match != null) ? new CloudEventMappingCondition(this.info, match) : null;
	}

	@Override
	public int compareTo(CloudEventMappingCondition other, ServerWebExchange exchange) {
		return (this.match != null && other.match != null) ? this.match.compareTo(other.match) : 0;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof CloudEventMappingCondition that && this.info.equals(that.info));
	}

	@Override
	public int hashCode() {
		return this.info.hashCode();
	}

	@Override
	public String toString() {
		return this.info.toString();
	}

}
