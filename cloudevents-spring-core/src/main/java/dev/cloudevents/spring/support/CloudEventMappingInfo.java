package dev.cloudevents.spring.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestBody;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.annotation.CloudEventMapping;

/**
 * The events one {@link CloudEventMapping @CloudEventMapping} method receives, for the
 * Spring MVC and WebFlux adapters that route by event type, not for applications: it
 * matches an event, ranks matches by specificity, and tells whether two mappings could
 * match one event equally ({@link EventRouting}).
 * <p>
 * Instances are immutable.
 *
 * @since 0.1.0
 */
public final class CloudEventMappingInfo {

	private static final char WILDCARD = '*';

	private final String[] types;

	private final String[] sources;

	private final SpecVersion[] specVersions;

	// Spring hashes each request mapping it builds while matching a request, conditions
	// included
	private final int hashCode;

	CloudEventMappingInfo(String[] types, String[] sources, SpecVersion[] specVersions) {
		this.types = types;
		this.sources = sources;
		this.specVersions = specVersions;
		this.hashCode = Objects.hash(Arrays.hashCode(types), Arrays.hashCode(sources), Arrays.hashCode(specVersions));
	}

	/**
	 * Return the mapping of a method annotated with {@link CloudEventMapping}.
	 * @param method the method
	 * @return the mapping, or {@code null} if the method is not annotated
	 * @throws IllegalStateException if the annotation names no type, a type with a
	 * {@code *} other than at its end, or an empty source, or if a parameter of the
	 * method is a {@code @RequestBody}: the event is read before the method is chosen
	 */
	public static @Nullable CloudEventMappingInfo forMethod(Method method) {
		CloudEventMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, CloudEventMapping.class);
		if (mapping == null) {
			return null;
		}
		String[] types = mapping.type();
		check(types.length > 0, method, "names no type");
		for (String type : types) {
			int wildcard = type.indexOf(WILDCARD);
			check(!type.isEmpty() && (wildcard < 0 || wildcard == type.length() - 1), method,
					"has the type '" + type + "': a type is not empty and has a '*' only at its end, as a prefix");
		}
		for (String source : mapping.source()) {
			check(!source.isEmpty(), method, "has an empty source");
		}
		for (int i = 0; i < method.getParameterCount(); i++) {
			check(!new MethodParameter(method, i).hasParameterAnnotation(RequestBody.class), method,
					"has a @RequestBody parameter, but a routed event is read before the method is chosen: "
							+ "take it as a CloudEvent or @CloudEventData parameter without @RequestBody");
		}
		return new CloudEventMappingInfo(types.clone(), mapping.source().clone(), mapping.specVersion().clone());
	}

	private static void check(boolean condition, Method method, String problem) {
		if (!condition) {
			throw new IllegalStateException("@CloudEventMapping on " + method.toGenericString() + " " + problem);
		}
	}

	/**
	 * Return how this mapping matches an event.
	 * @param event the event
	 * @return the match, or {@code null} if the mapping does not take the event
	 */
	public @Nullable Match match(CloudEvent event) {
		int typeRank = typeRank(event.type());
		if (typeRank < 0 || !matchesSource(event) || !matchesSpecVersion(event)) {
			return null;
		}
		return new Match(typeRank, this.sources.length > 0, this.specVersions.length > 0);
	}

	/** Exact: {@link Integer#MAX_VALUE}; prefix: its length; no match: -1. */
	private int typeRank(String type) {
		int rank = -1;
		for (String pattern : this.types) {
			int prefixLength = pattern.length() - 1;
			if (pattern.charAt(prefixLength) == WILDCARD) {
				if (prefixLength > rank && type.regionMatches(0, pattern, 0, prefixLength)) {
					rank = prefixLength;
				}
			}
			else if (pattern.equals(type)) {
				return Integer.MAX_VALUE;
			}
		}
		return rank;
	}

	private boolean matchesSource(CloudEvent event) {
		if (this.sources.length == 0) {
			return true;
		}
		// the text: the event builds its URI only when asked
		String source = event.attributeAsString(CloudEvent.SOURCE);
		for (String candidate : this.sources) {
			if (candidate.equals(source)) {
				return true;
			}
		}
		return false;
	}

	private boolean matchesSpecVersion(CloudEvent event) {
		if (this.specVersions.length == 0) {
			return true;
		}
		for (SpecVersion candidate : this.specVersions) {
			if (candidate == event.specVersion()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Describe the events that this mapping and another one both match equally, which
	 * makes them ambiguous on the same path.
	 * @param other the other mapping
	 * @return a description such as {@code "type 'com.example.order.created'"}, or
	 * {@code null} if every event that both match matches one of them more specifically
	 */
	@Nullable String ambiguityWith(CloudEventMappingInfo other) {
		// equally specific matches of one event come from the same type pattern, and
		// from the same source and spec version or from neither naming one
		String type = common(this.types, other.types);
		if (type == null || (this.sources.length == 0) != (other.sources.length == 0)
				|| (this.specVersions.length == 0) != (other.specVersions.length == 0)) {
			return null;
		}
		StringBuilder description = new StringBuilder("type '").append(type).append("'");
		if (this.sources.length > 0) {
			String source = common(this.sources, other.sources);
			if (source == null) {
				return null;
			}
			description.append(" from the source '").append(source).append("'");
		}
		if (this.specVersions.length > 0) {
			SpecVersion specVersion = common(this.specVersions, other.specVersions);
			if (specVersion == null) {
				return null;
			}
			description.append(" of specversion ").append(specVersion);
		}
		return description.toString();
	}

	private static <T> @Nullable T common(T[] some, T[] others) {
		for (T value : some) {
			for (T other : others) {
				if (value.equals(other)) {
					return value;
				}
			}
		}
		return null;
	}

	/**
	 * Return the types of this mapping as written, prefixes with their {@code *}.
	 * @return the types
	 */
	List<String> types() {
		return List.of(this.types);
	}

	/**
	 * Return whether this mapping also names sources or spec versions.
	 * @return whether it takes only some sources or spec versions of its types
	 */
	boolean namesSourceOrSpecVersion() {
		return this.sources.length > 0 || this.specVersions.length > 0;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof CloudEventMappingInfo that && Arrays.equals(this.types, that.types)
				&& Arrays.equals(this.sources, that.sources) && Arrays.equals(this.specVersions, that.specVersions));
	}

	@Override
	public int hashCode() {
		return this.hashCode;
	}

	@Override
	public String toString() {
		StringBuilder result = new StringBuilder("CloudEvent type in ").append(Arrays.toString(this.types));
		if (this.sources.length > 0) {
			result.append(", source in ").append(Arrays.toString(this.sources));
		}
		if (this.specVersions.length > 0) {
			result.append(", specversion in ").append(Arrays.toString(this.specVersions));
		}
		return result.toString();
	}

	/**
	 * How a mapping matches an event. Matches of one event order the most specific first:
	 * an exact type before a prefix, a longer prefix before a shorter one, then a mapping
	 * that names the source, then one that names the spec version.
	 */
	public static final class Match implements Comparable<Match> {

		private final int typeRank;

		private final boolean bySource;

		private final boolean bySpecVersion;

		private Match(int typeRank, boolean bySource, boolean bySpecVersion) {
			this.typeRank = typeRank;
			this.bySource = bySource;
			this.bySpecVersion = bySpecVersion;
		}

		@Override
		public int compareTo(Match other) {
			int result = Integer.compare(other.typeRank, this.typeRank);
			if (result == 0) {
				result = Boolean.compare(other.bySource, this.bySource);
			}
			return (result != 0) ? result : Boolean.compare(other.bySpecVersion, this.bySpecVersion);
		}

	}

}
