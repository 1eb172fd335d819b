package dev.cloudevents.spring.json;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.CloudEventArbitraries;
import dev.cloudevents.spring.ExpectedEvents;
import dev.cloudevents.spring.SpecVersion;

import static org.assertj.core.api.Assertions.assertThat;

class JsonEventFormatPropertyTests {

	private final JsonEventFormat format = new JsonEventFormat();

	@Property
	void everyValidEventSurvivesARoundTrip(@ForAll("events") CloudEvent event) {
		CloudEvent read = this.format.deserialize(this.format.serialize(event));
		assertThat(read).isEqualTo(ExpectedEvents.afterJsonFormat(event));
	}

	@Property
	void jsonDataIsWrittenAsItsOwnBytes(@ForAll("jsonEvents") CloudEvent event) {
		byte[] written = this.format.serialize(event);
		assertThat(new String(written, StandardCharsets.UTF_8))
			.contains("\"data\":" + new String(event.data(), StandardCharsets.UTF_8) + "}");
		assertThat(this.format.deserialize(written).data()).isEqualTo(event.data());
	}

	@Property(tries = 300)
	void everyBatchSurvivesARoundTrip(@ForAll("batches") List<CloudEvent> events) {
		List<CloudEvent> read = this.format.deserializeBatch(this.format.serializeBatch(events));
		assertThat(read).isEqualTo(events.stream().map(ExpectedEvents::afterJsonFormat).toList());
	}

	@Provide
	Arbitrary<CloudEvent> events() {
		return CloudEventArbitraries.events();
	}

	@Provide
	Arbitrary<CloudEvent> jsonEvents() {
		return Combinators
			.combine(Arbitraries.oneOf(CloudEventArbitraries.attributes(SpecVersion.V1_0),
					CloudEventArbitraries.attributes(SpecVersion.V0_3)), CloudEventArbitraries.jsonDocuments())
			.as((builder, json) -> builder.data("application/json", json.getBytes(StandardCharsets.UTF_8)).build());
	}

	@Provide
	Arbitrary<List<CloudEvent>> batches() {
		return Arbitraries.of(SpecVersion.class)
			.flatMap((version) -> CloudEventArbitraries.events(version).list().ofMaxSize(5));
	}

}
