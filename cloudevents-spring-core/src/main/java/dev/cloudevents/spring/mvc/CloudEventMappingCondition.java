package dev.cloudevents.spring.mvc;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.mvc.condition.RequestCondition;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.support.CloudEventMappingInfo;
import dev.cloudevents.spring.support.CloudEventMappingInfo.Match;

/**
 * The request condition of a {@code @CloudEventMapping} method: it matches the requests
 * whose event the mapping takes, the more specific match first.
 */
final class CloudEventMappingCondition implements RequestCondition<CloudEventMappingCondition> {

	private final CloudEventMappingInfo info;

	private final RoutedEventReader events;

	private final @Nullable Match match;

	CloudEventMappingCondition(CloudEventMappingInfo info, RoutedEventReader events) {
		this(info, events, null);
	}

	private CloudEventMappingCondition(CloudEventMappingInfo info, RoutedEventReader events, @Nullable Match match) {
		this.info = info;
		this.events = events;
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
	public @Nullable CloudEventMappingCondition getMatchingCondition(HttpServletRequest request) {
		if (CorsUtils.isPreFlightRequest(request)) {
			return this;
		}
		CloudEvent event = this.events.read(request);
		Match match = (event != null) ? this.info.match(event) : null;
		return (match != null) ? new CloudEventMappingCondition(this.info, this.events, match) : null;
	}

	@Override
	public int compareTo(CloudEventMappingCondition other, HttpServletRequest request) {
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
