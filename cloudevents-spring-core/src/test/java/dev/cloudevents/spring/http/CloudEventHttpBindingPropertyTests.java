package dev.cloudevents.spring.http;

import java.util.List;
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

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
