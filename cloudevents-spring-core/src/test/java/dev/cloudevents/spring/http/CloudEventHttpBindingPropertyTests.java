package dev.cloudevents.spring.http;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.springframework.http.HttpHeaders;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.CloudEventArbitraries;
import dev.cloudevents.spring.ExpectedEvents;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random valid events of both spec versions survive the HTTP binding in every content
 * mode.
 */
class CloudEventHttpBindingPropertyTests {

	private final JsonEventFormat format = new JsonEventFormat();

	private final CloudEventHttpBinding binding = new CloudEventHttpBinding(this.format);

	@Property
	void everyValidEventSurvivesBinaryMode(@ForAll("events") CloudEvent event) {
		CloudEventHttpMessage message = this.binding.toBinary(event);
		message.headers()
			.forEach((name, values) -> assertThat(values).allSatisfy((value) -> assertThat(value).as(name)
				.matches((name.equalsIgnoreCase("Content-Type")) ? "[\\x20-\\x7E]*" : "[\\x21-\\x7E]*")));
		assertThat(this.binding.fromHttp(message.headers(), message.body()))
			.isEqualTo(ExpectedEvents.afterBinaryMode(event));
	}

	@Property(tries = 500)
	void binaryModeReadsAlikeFromEveryKindOfHeaderMap(@ForAll("events") CloudEvent event) {
		CloudEventHttpMessage message = this.binding.toBinary(event);
		CloudEvent expected = this.binding.fromHttp(message.headers(), message.body());
		// new HttpHeaders() and a map that offers no walk by entry, as server adapters
		HttpHeaders copy = new HttpHeaders();
		HttpHeaders upperCase = new HttpHeaders();
		MultiValueMap<String, String> plain = new LinkedMultiValueMap<>();
		message.headers().forEach((name, values) -> {
			copy.addAll(name, values);
			upperCase.addAll(name.toUpperCase(Locale.ROOT), values);
			plain.addAll(name, values);
		});
		HttpHeaders byName = new HttpHeaders(CollectionUtils.unmodifiableMultiValueMap(plain));
		assertThat(this.binding.fromHttp(copy, message.body())).isEqualTo(expected);
		assertThat(this.binding.fromHttp(upperCase, message.body())).isEqualTo(expected);
		assertThat(this.binding.fromHttp(byName, message.body())).isEqualTo(expected);
	}

	@Property
	void everyValidEventSurvivesStructuredMode(@ForAll("events") CloudEvent event) {
		CloudEventHttpMessage message = this.binding.toStructured(event);
		assertThat(this.binding.fromHttp(message.headers(), message.body()))
			.isEqualTo(ExpectedEvents.afterJsonFormat(event));
	}

	@Property(tries = 300)
	void everyBatchSurvivesBatchedMode(@ForAll("batches") List<CloudEvent> events) {
		CloudEventHttpMessage message = this.binding.toBatch(events);
		assertThat(this.binding.fromHttpBatch(message.headers(), message.body()))
			.isEqualTo(events.stream().map(ExpectedEvents::afterJsonFormat).toList());
	}

	@Property(tries = 2000)
	void binaryModeHeadersHoldTheAttributeValuesPercentEncoded(@ForAll("mostlyTokens") CloudEvent event) {
		HttpHeaders headers = this.binding.toBinary(event).headers();
		event.attributes().keySet().forEach((name) -> {
			if (!name.equals(CloudEvent.SPECVERSION) && !name.equals(CloudEvent.DATACONTENTTYPE)) {
				assertThat(headers.getFirst("ce-" + name)).as(name)
					.isEqualTo(HeaderValues.encode(event.attributeAsString(name)));
			}
		});
	}

	@Provide
	Arbitrary<CloudEvent> mostlyTokens() {
		// events whose values are mostly header tokens, so that both ways of writing them
		// are taken, also for events derived from others
		Arbitrary<Character> token = Arbitraries.chars().range('!', '~').filter((c) -> c != '"' && c != '%');
		Arbitrary<Character> special = Arbitraries.of(' ', '"', '%', '\u00e9', '\u20ac');
		Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(40, token), Tuple.of(1, special))
			.list()
			.ofMinSize(1)
			.ofMaxSize(16)
			.map((chars) -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
		Arbitrary<String> source = Arbitraries.of("/orders", "https://example.com/a%20b", "urn:x:y", "/a?b=c&d#e");
		Arbitrary<Object> extension = Arbitraries.oneOf(value, Arbitraries.integers(),
				Arbitraries.just(URI.create("https://example.com/a%2Fb")), Arbitraries.just(URI.create("/plain")));
		Arbitrary<CloudEvent> events = Combinators
			.combine(value, source, value, value.injectNull(0.3), CloudEventArbitraries.times().injectNull(0.3),
					Arbitraries.maps(CloudEventArbitraries.extensionNames(), extension).ofMaxSize(3))
			.as((id, src, type, subject, time, extensions) -> {
				CloudEvent.Builder builder = CloudEvent.builder()
					.id(id)
					.source(src)
					.type(type)
					.subject(subject)
					.time(time);
				extensions.forEach(builder::extension);
				return builder.build();
			});
		return Combinators.combine(events, value.injectNull(0.7))
			.as((event, subject) -> (subject != null) ? event.mutate().subject(subject).build() : event);
	}

	@Provide
	Arbitrary<CloudEvent> events() {
		return CloudEventArbitraries.events();
	}

	@Provide
	Arbitrary<List<CloudEvent>> batches() {
		return Arbitraries.of(SpecVersion.class)
			.flatMap((version) -> CloudEventArbitraries.events(version).list().ofMaxSize(5));
	}

}
