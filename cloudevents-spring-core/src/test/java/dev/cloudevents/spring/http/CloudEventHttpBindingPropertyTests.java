package dev.cloudevents.spring.http;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.CloudEventArbitraries;
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
		assertThat(this.binding.fromHttp(message.headers(), message.body())).isEqualTo(expectedAfterBinaryMode(event));
	}

	@Property
	void everyValidEventSurvivesStructuredModeAsTheJsonFormatWritesIt(@ForAll("events") CloudEvent event) {
		CloudEventHttpMessage message = this.binding.toStructured(event);
		assertThat(this.binding.fromHttp(message.headers(), message.body()))
			.isEqualTo(this.format.deserialize(this.format.serialize(event)));
	}

	@Property(tries = 300)
	void everyBatchSurvivesBatchedMode(@ForAll("batches") List<CloudEvent> events) {
		CloudEventHttpMessage message = this.binding.toBatch(events);
		assertThat(this.binding.fromHttpBatch(message.headers(), message.body()))
			.isEqualTo(this.format.deserializeBatch(this.format.serializeBatch(events)));
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

	/**
	 * What binary mode gives back: headers carry every extension as its canonical string,
	 * the body is the data itself (so 0.3's {@code datacontentencoding} has nothing to
	 * say), and an empty body is no data.
	 */
	private static CloudEvent expectedAfterBinaryMode(CloudEvent event) {
		CloudEvent.Builder expected = event.mutate().dataContentEncoding(null);
		event.extensions().keySet().forEach((name) -> expected.extension(name, event.attributeAsString(name)));
		byte[] data = event.data();
		if (data != null && data.length == 0) {
			expected.data((byte[]) null);
		}
		return expected.build();
	}

}
