package dev.cloudevents.spring.http;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.springframework.util.MultiValueMap;

import dev.cloudevents.spring.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link HeaderMap} does what the {@code LinkedCaseInsensitiveMap} behind
 * {@code new HttpHeaders()} does: random sequences of operations, with names in random
 * letter case, give the same results and leave equal maps in the same order.
 */
class HeaderMapTests {

	private static final List<String> NAMES = List.of("ce-id", "CE-ID", "Ce-Id", "content-type", "Content-Type",
			"ce-type", "ce-time", "x",
			// equal but for the case bit, and not letters; a non-ASCII letter equal to
			// 'k'
			// ignoring case
			"ce-@", "ce-`", "k", "\u212A");

	@Property(tries = 2000)
	void behavesAsTheMapBehindNewHttpHeaders(@ForAll("operations") List<Operation> operations) {
		MultiValueMap<String, String> expected = CollectionUtils
			.toMultiValueMap(new LinkedCaseInsensitiveMap<>(8, Locale.ROOT));
		HeaderMap actual = new HeaderMap(2);
		for (Operation operation : operations) {
			assertThat(operation.apply(actual)).as(operation.toString()).isEqualTo(operation.apply(expected));
			assertThat(new ArrayList<>(actual.entrySet())).as(operation.toString())
				.isEqualTo(new ArrayList<>(expected.entrySet()));
			assertThat(actual).hasSize(expected.size()).hasToString(expected.toString());
			assertThat(actual.toSingleValueMap()).isEqualTo(expected.toSingleValueMap());
			assertThat(actual.equals(expected)).isTrue();
			assertThat(expected.equals(actual)).isTrue();
			assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
		}
	}

	@Test
	void removingThroughTheIteratorKeepsTheOrderOfTheRest() {
		HeaderMap headers = new HeaderMap(1);
		List.of("a", "ce-type", "b", "ce-time", "c").forEach((name) -> headers.set(name, name + " value"));
		for (Iterator<Map.Entry<String, List<String>>> entries = headers.entrySet().iterator(); entries.hasNext();) {
			if (entries.next().getKey().startsWith("ce-t")) {
				entries.remove();
			}
		}
		assertThat(headers.keySet()).containsExactly("a", "b", "c");
	}

	@Test
	void backsHttpHeadersAsTheBindingUsesIt() {
		CloudEvent event = CloudEvent.builder()
			.id("1")
			.source("/s")
			.type("t")
			.extension("traceparent", "00-1")
			.data("text/plain", new byte[] { 'x' })
			.build();
		HttpHeaders headers = CloudEventHttp.toBinary(event).headers();
		assertThat(headers.getFirst("CE-ID")).isEqualTo("1");
		assertThat(headers.getContentType()).hasToString("text/plain");
		assertThat(headers.headerNames()).startsWith("ce-specversion", "ce-id", "ce-source", "ce-type", "Content-Type")
			.contains("ce-traceparent");
		headers.add("Ce-Traceparent", "00-2");
		assertThat(headers.get("ce-traceparent")).containsExactly("00-1", "00-2");
		HttpHeaders copy = new HttpHeaders();
		copy.addAll(headers);
		assertThat(copy).isEqualTo(headers);
	}

	@Provide
	Arbitrary<List<Operation>> operations() {
		Arbitrary<String> names = Arbitraries.of(NAMES);
		Arbitrary<String> values = Arbitraries.of("a", "b", "c");
		Arbitrary<Operation> operation = Arbitraries.oneOf(Combinators.combine(names, values)
			.as((name, value) -> new Operation("set " + name + " " + value, (map) -> {
				map.set(name, value);
				return null;
			})), Combinators.combine(names, values)
				.as((name, value) -> new Operation("add " + name + " " + value, (map) -> {
					map.add(name, value);
					return null;
				})), Combinators.combine(names, values.list().ofMaxSize(2))
					.as((name, list) -> new Operation("addAll " + name + " " + list, (map) -> {
						map.addAll(name, list);
						return null;
					})),
				Combinators.combine(names, values.list().ofMaxSize(2))
					.as((name, list) -> new Operation("put " + name + " " + list,
							(map) -> map.put(name, new ArrayList<>(list)))),
				names.map((name) -> new Operation("get " + name, (map) -> map.get(name))),
				names.map((name) -> new Operation("getFirst " + name, (map) -> map.getFirst(name))),
				names.map((name) -> new Operation("containsKey " + name, (map) -> map.containsKey(name))),
				names.map((name) -> new Operation("remove " + name, (map) -> map.remove(name))),
				Arbitraries.just(new Operation("clear", (map) -> {
					map.clear();
					return null;
				})));
		return operation.list().ofMaxSize(30);
	}

	record Operation(String description, Function<MultiValueMap<String, String>, Object> action) {

		Object apply(MultiValueMap<String, String> map) {
			return this.action.apply(map);
		}

		@Override
		public String toString() {
			return this.description;
		}

	}

}
