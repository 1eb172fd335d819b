package dev.cloudevents.spring.benchmarks;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.cloudevents.http.HttpMessageFactory;
import io.cloudevents.jackson.JsonFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every input of every benchmark, set up as the benchmark sets it up: both libraries read
 * it to the same attributes and data and write it to equivalent JSON (or the same headers
 * and body), and the rotating inputs differ in {@code id}, {@code source},
 * {@code subject} and {@code time} from event to event.
 */
class BenchmarkInputsTests {

	private static final JsonEventFormat ours = new JsonEventFormat();

	private static final JsonFormat reference = new JsonFormat();

	private static final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private static final JsonMapper jsonMapper = JsonMapper.shared();

	private static final byte[][] comparedData = new byte[2][];

	static Stream<Arguments> sizesAndRotations() {
		return Stream.of(EventSize.values())
			.flatMap((size) -> Stream.of(Arguments.of(size, 1), Arguments.of(size, 1024)));
	}

	@ParameterizedTest
	@MethodSource("sizesAndRotations")
	void structuredDecodeInputsAreReadAlike(EventSize size, int distinct) {
		StructuredDecode benchmark = new StructuredDecode();
		benchmark.size = size;
		benchmark.distinct = distinct;
		benchmark.setUp();
		List<CloudEvent> events = new ArrayList<>();
		for (byte[] document : benchmark.documents) {
			CloudEvent event = ours.deserialize(document);
			assertReadAlike(event, reference.deserialize(document));
			events.add(event);
		}
		assertDistinct(events, distinct);
	}

	@ParameterizedTest
	@MethodSource("sizesAndRotations")
	void binaryDecodeInputsAreReadAlike(EventSize size, int distinct) {
		BinaryDecode benchmark = new BinaryDecode();
		benchmark.size = size;
		benchmark.distinct = distinct;
		benchmark.setUp();
		List<CloudEvent> events = new ArrayList<>();
		for (int i = 0; i < distinct; i++) {
			CloudEvent event = binding.fromHttp(benchmark.headers[i], benchmark.body);
			assertReadAlike(event,
					HttpMessageFactory.createReader(benchmark.referenceHeaders[i], benchmark.body).toEvent());
			events.add(event);
		}
		assertDistinct(events, distinct);
	}

	@ParameterizedTest
	@MethodSource("sizesAndRotations")
	void structuredEncodeInputsAreWrittenAlike(EventSize size, int distinct) {
		StructuredEncode benchmark = new StructuredEncode();
		benchmark.size = size;
		benchmark.distinct = distinct;
		benchmark.setUp();
		assertWrittenAlike(benchmark.ourEvents, benchmark.referenceEvents);
		assertDistinct(List.of(benchmark.ourEvents), distinct);
	}

	@ParameterizedTest
	@MethodSource("sizesAndRotations")
	void binaryEncodeInputsAreWrittenAlike(EventSize size, int distinct) {
		BinaryEncode benchmark = new BinaryEncode();
		benchmark.size = size;
		benchmark.distinct = distinct;
		benchmark.setUp();
		for (int i = 0; i < distinct; i++) {
			assertReadAlike(benchmark.ourEvents[i], benchmark.referenceEvents[i]);
			CloudEventHttpMessage message = binding.toBinary(benchmark.ourEvents[i]);
			Map<String, String> referenceHeaders = new HashMap<>();
			byte[][] referenceBody = new byte[1][];
			HttpMessageFactory.createWriter(referenceHeaders::put, (body) -> referenceBody[0] = body)
				.writeBinary(benchmark.referenceEvents[i]);
			assertThat(lowerCaseNames(message.headers())).isEqualTo(lowerCaseNames(referenceHeaders));
			assertThat(message.body()).isEqualTo(referenceBody[0]);
		}
		assertDistinct(List.of(benchmark.ourEvents), distinct);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 1024 })
	void batchDecodeInputsAreReadAlike(int distinct) {
		BatchDecode benchmark = new BatchDecode();
		benchmark.distinct = distinct;
		benchmark.setUp();
		List<CloudEvent> events = assertBatchesReadAlike(benchmark.batches, benchmark.events);
		if (distinct == 1) {
			assertThat(events).extracting(CloudEvent::id).doesNotHaveDuplicates();
		}
		else {
			assertDistinct(events, BatchDecode.ROTATING_BATCHES * BatchDecode.EVENTS);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 10, 100, 1000 })
	void batchScalingInputsAreReadAlike(int events) {
		BatchScaling benchmark = new BatchScaling();
		benchmark.events = events;
		benchmark.setUp();
		List<CloudEvent> read = assertBatchesReadAlike(benchmark.batches, benchmark.documents);
		assertThat(read).hasSizeGreaterThanOrEqualTo(Inputs.ROTATION);
		assertDistinct(read, read.size());
	}

	@ParameterizedTest
	@ValueSource(ints = { 100, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304 })
	void structuredScalingInputsAreReadAndWrittenAlike(int dataBytes) {
		StructuredScaling benchmark = new StructuredScaling();
		benchmark.dataBytes = dataBytes;
		benchmark.setUp();
		List<CloudEvent> events = new ArrayList<>();
		for (byte[] document : benchmark.documents) {
			CloudEvent event = ours.deserialize(document);
			assertThat(event.data()).hasSize(dataBytes);
			assertReadAlike(event, reference.deserialize(document));
			events.add(event);
		}
		assertWrittenAlike(benchmark.ourEvents, benchmark.referenceEvents);
		assertThat(events).hasSize(Math.min(Inputs.ROTATION, 64 * 1024 * 1024 / dataBytes));
		assertDistinct(events, events.size());
	}

	private static List<CloudEvent> assertBatchesReadAlike(byte[][] batches, byte[][][] documents) {
		List<CloudEvent> all = new ArrayList<>();
		for (int batch = 0; batch < batches.length; batch++) {
			List<CloudEvent> events = ours.deserializeBatch(batches[batch]);
			assertThat(events).hasSize(documents[batch].length);
			for (int i = 0; i < events.size(); i++) {
				assertReadAlike(events.get(i), reference.deserialize(documents[batch][i]));
			}
			all.addAll(events);
		}
		return all;
	}

	private static void assertWrittenAlike(CloudEvent[] ourEvents, io.cloudevents.CloudEvent[] referenceEvents) {
		assertThat(ourEvents).hasSameSizeAs(referenceEvents);
		for (int i = 0; i < ourEvents.length; i++) {
			assertReadAlike(ourEvents[i], referenceEvents[i]);
			assertThat(tree(ours.serialize(ourEvents[i]))).isEqualTo(tree(reference.serialize(referenceEvents[i])));
		}
	}

	private static void assertReadAlike(CloudEvent event, io.cloudevents.CloudEvent referenceEvent) {
		assertThat(attributes(event)).isEqualTo(attributes(referenceEvent));
		assertDataAlike(event.data(), referenceEvent.getData().toBytes());
	}

	/**
	 * The data as JSON, each pair of byte arrays compared as trees once: the events of a
	 * rotation share their data.
	 */
	private static void assertDataAlike(byte[] data, byte[] referenceData) {
		if (Arrays.equals(data, comparedData[0]) && Arrays.equals(referenceData, comparedData[1])) {
			return;
		}
		assertThat(tree(data)).isEqualTo(tree(referenceData));
		comparedData[0] = data;
		comparedData[1] = referenceData;
	}

	/**
	 * Each value of the attributes that the rotation varies comes once per event, so no
	 * cache of recent values can answer.
	 */
	private static void assertDistinct(List<CloudEvent> events, int distinct) {
		assertThat(events).hasSize(distinct);
		for (Function<CloudEvent, Object> attribute : List.<Function<CloudEvent, Object>>of(CloudEvent::id,
				CloudEvent::source, CloudEvent::subject, CloudEvent::time)) {
			Set<Object> values = new HashSet<>();
			events.forEach((event) -> values.add(attribute.apply(event)));
			assertThat(values).hasSize(distinct);
		}
	}

	private static Map<String, String> attributes(CloudEvent event) {
		Map<String, String> attributes = new TreeMap<>();
		for (String name : event.attributes().keySet()) {
			attributes.put(name, event.attributeAsString(name));
		}
		return attributes;
	}

	private static Map<String, String> attributes(io.cloudevents.CloudEvent event) {
		Map<String, String> attributes = new TreeMap<>();
		for (String name : event.getAttributeNames()) {
			put(attributes, name, event.getAttribute(name));
		}
		for (String name : event.getExtensionNames()) {
			put(attributes, name, event.getExtension(name));
		}
		return attributes;
	}

	private static void put(Map<String, String> attributes, String name, Object value) {
		if (value != null) {
			attributes.put(name, (value instanceof OffsetDateTime time)
					? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time) : value.toString());
		}
	}

	private static Map<String, String> lowerCaseNames(HttpHeaders headers) {
		Map<String, String> names = new TreeMap<>();
		headers.forEach((name, values) -> {
			assertThat(values).hasSize(1);
			names.put(name.toLowerCase(Locale.ROOT), values.get(0));
		});
		return names;
	}

	private static Map<String, String> lowerCaseNames(Map<String, String> headers) {
		Map<String, String> names = new TreeMap<>();
		headers.forEach((name, value) -> names.put(name.toLowerCase(Locale.ROOT), value));
		return names;
	}

	private static JsonNode tree(byte[] json) {
		return jsonMapper.readTree(json);
	}

}
