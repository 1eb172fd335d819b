package dev.cloudevents.spring.support;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.support.CloudEventMappingInfo.Match;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up check of {@code @CloudEventMapping} against the matching itself, over
 * small alphabets where overlaps are frequent: two mappings are reported ambiguous
 * exactly when some event matches both equally.
 */
class CloudEventMappingInfoPropertyTests {

	private static final List<String> SOURCES = List.of("/store", "/warehouse");

	@Property(tries = 2000)
	void mappingsThatMatchAnEventEquallyAreReportedAmbiguous(@ForAll("mappings") CloudEventMappingInfo first,
			@ForAll("mappings") CloudEventMappingInfo second, @ForAll("events") CloudEvent event) {
		Match firstMatch = first.match(event);
		Match secondMatch = second.match(event);
		if (firstMatch != null && secondMatch != null && firstMatch.compareTo(secondMatch) == 0) {
			assertThat(first.ambiguityWith(second)).isNotNull();
			assertThat(second.ambiguityWith(first)).isNotNull();
		}
	}

	@Property(tries = 2000)
	void mappingsReportedAmbiguousMatchSomeEventEqually(@ForAll("mappings") CloudEventMappingInfo first,
			@ForAll("mappings") CloudEventMappingInfo second) {
		String ambiguity = first.ambiguityWith(second);
		if (ambiguity == null) {
			return;
		}
		CloudEvent witness = witness(ambiguity);
		Match firstMatch = first.match(witness);
		Match secondMatch = second.match(witness);
		assertThat(firstMatch).as(ambiguity).isNotNull();
		assertThat(secondMatch).as(ambiguity).isNotNull();
		assertThat(firstMatch.compareTo(secondMatch)).as(ambiguity).isZero();
	}

	@Property(tries = 500)
	void anExactTypeWinsOverAPrefixAndALongerPrefixOverAShorterOne(@ForAll("types") String type) {
		CloudEventMappingInfo exact = new CloudEventMappingInfo(new String[] { type }, new String[0],
				new SpecVersion[0]);
		CloudEventMappingInfo longer = new CloudEventMappingInfo(new String[] { type.substring(0, 2) + "*" },
				new String[0], new SpecVersion[0]);
		CloudEventMappingInfo shorter = new CloudEventMappingInfo(new String[] { type.substring(0, 1) + "*" },
				new String[0], new SpecVersion[0]);
		CloudEvent event = event(type, "/store", SpecVersion.V1_0);
		assertThat(exact.match(event).compareTo(longer.match(event))).isNegative();
		assertThat(longer.match(event).compareTo(shorter.match(event))).isNegative();
		assertThat(shorter.match(event).compareTo(exact.match(event))).isPositive();
	}

	/**
	 * An event of the description
	 * {@code type 'T'[ from the source 'S'][ of specversion V]}.
	 */
	private static CloudEvent witness(String ambiguity) {
		String type = between(ambiguity, "type '", "'");
		if (type.endsWith("*")) {
			// no other pattern of the alphabet is a longer prefix of it
			type = type.substring(0, type.length() - 1) + "zzz";
		}
		String source = ambiguity.contains("source '") ? between(ambiguity, "source '", "'") : "/elsewhere";
		SpecVersion version = ambiguity.endsWith("specversion 0.3") ? SpecVersion.V0_3 : SpecVersion.V1_0;
		return event(type, source, version);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start) + start.length();
		return text.substring(from, text.indexOf(end, from));
	}

	private static CloudEvent event(String type, String source, SpecVersion version) {
		return CloudEvent.builder().specVersion(version).id("1").source(source).type(type).build();
	}

	@Provide
	Arbitrary<String> types() {
		return Arbitraries.of("a", "b").list().ofMinSize(2).ofMaxSize(4).map((letters) -> String.join(".", letters));
	}

	@Provide
	Arbitrary<CloudEventMappingInfo> mappings() {
		Arbitrary<String> pattern = Arbitraries.oneOf(types(), types().map((type) -> type + "*"),
				types().map((type) -> type.substring(0, 2) + "*"), Arbitraries.just("*"));
		Arbitrary<String[]> types = pattern.array(String[].class).ofMinSize(1).ofMaxSize(3);
		Arbitrary<String[]> sources = Arbitraries.subsetOf(SOURCES).map((set) -> set.toArray(String[]::new));
		Arbitrary<SpecVersion[]> versions = Arbitraries.subsetOf(SpecVersion.values())
			.map((set) -> set.toArray(SpecVersion[]::new));
		return Combinators.combine(types, sources, versions).as(CloudEventMappingInfo::new);
	}

	@Provide
	Arbitrary<CloudEvent> events() {
		return Combinators
			.combine(types(), Arbitraries.of("/store", "/warehouse", "/elsewhere"),
					Arbitraries.of(SpecVersion.values()))
			.as(CloudEventMappingInfoPropertyTests::event);
	}

}
