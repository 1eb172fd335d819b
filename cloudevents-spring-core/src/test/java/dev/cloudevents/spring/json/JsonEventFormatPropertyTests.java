package dev.cloudevents.spring.json;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

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

	@Property
	void anEventIsWrittenToAnArrayAsTheMappersGeneratorWritesItToAStream(@ForAll("events") CloudEvent event) {
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		this.format.serialize(event, stream);
		assertThat(this.format.serialize(event)).isEqualTo(stream.toByteArray());
	}

	@Property
	void theDirectWriterWritesWhatTheDefaultMappersGeneratorWrites(@ForAll("jsonEvents") CloudEvent event) {
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		this.format.serialize(event, stream);
		assertThat(DirectEventWriter.write(event, event.data(), event.dataContentEncoding()))
			.isEqualTo(stream.toByteArray());
	}

	@Property(tries = 300)
	void anIndentingMapperIndentsEventsWrittenToAnArray(@ForAll("jsonEvents") CloudEvent event) {
		JsonEventFormat indenting = new JsonEventFormat(
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build());
		ByteArrayOutputStream stream = new ByteArrayOutputStream();
		indenting.serialize(event, stream);
		assertThat(indenting.serialize(event)).isEqualTo(stream.toByteArray()).contains((byte) '\n');
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
