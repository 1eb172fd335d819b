package dev.cloudevents.spring.test;

import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.core.ProducerFactory;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;

/**
 * A stand-in for the Kafka topics that code sends CloudEvents to with a
 * {@code KafkaCloudEventTemplate}, the Kafka twin of {@link MockCloudEventTarget}: its
 * producer factory hands every record to this target instead of a broker, which reads it
 * as a CloudEvent, checks it against expectations, completes the send or fails it as
 * told, and keeps what it received. <pre class="code">
 * MockKafkaCloudEventTarget target = MockKafkaCloudEventTarget.create();
 * KafkaCloudEventTemplate kafka = new KafkaCloudEventTemplate(target.producerFactory(), new CloudEventKafkaBinding());
 *
 * target.expect(2, "com.example.order.created");
 * target.expect("com.example.order.refused").andFail(new TimeoutException("broker down"));
 * service.placeOrders();
 * target.verify();
 * </pre> With no expectations, every event is accepted. A record that is not a valid
 * CloudEvent, or an event of a type no expectation is left for, fails the send with an
 * {@link AssertionError}, which {@link #verify()} reports again. In a
 * {@code @SpringBootTest}, {@link AutoConfigureMockKafkaCloudEventTarget} puts the
 * producer factory in place of Boot's. Thread-safe.
 */
public final class MockKafkaCloudEventTarget extends
		AbstractMockTarget<MockKafkaCloudEventTarget.ExpectedRecords, MockKafkaCloudEventTarget.CapturedRecord> {

	private static final CloudEventKafkaBinding binding = new CloudEventKafkaBinding();

	private MockKafkaCloudEventTarget() {
	}

	/**
	 * Create a target with no expectations.
	 * @return the target
	 */
	public static MockKafkaCloudEventTarget create() {
		return new MockKafkaCloudEventTarget();
	}

	/**
	 * Return a producer factory whose producers hand every record to this target: give it
	 * to a {@code KafkaCloudEventTemplate} or a {@code KafkaTemplate}.
	 * @return the producer factory
	 */
	public ProducerFactory<Object, Object> producerFactory() {
		return new TargetProducerFactory(this);
	}

	/**
	 * Return every record received so far, in the order they were sent, with topic, key
	 * and content mode.
	 * @return the records
	 */
	public List<CapturedRecord> records() {
		return captured();
	}

	@Override
	ExpectedRecords newExpectation() {
		return new ExpectedRecords();
	}

	@Override
	List<CloudEvent> eventsOf(CapturedRecord record) {
		return List.of(record.event());
	}

	/**
	 * Take a record.
	 * @return the exception to fail its send with, or {@code null} to complete it
	 */
	@Nullable RuntimeException handle(ProducerRecord<Object, Object> record) {
		return handle(() -> read(record), (captured) -> {
			List<ExpectedRecords> matched = match(List.of(captured.event()), "topic " + record.topic());
			return matched.isEmpty() ? null : matched.get(0).failure;
		});
	}

	private static CapturedRecord read(ProducerRecord<Object, Object> record) {
		Object value = record.value();
		try {
			if (value != null && !(value instanceof byte[])) {
				throw new InvalidCloudEventException("its value is a " + value.getClass().getName() + ", not bytes");
			}
			CloudEvent event = binding.read(record.headers(), (byte[]) value);
			ContentMode mode = (record.headers()
				.lastHeader(CloudEventKafkaBinding.HEADER_PREFIX + "specversion") != null) ? ContentMode.BINARY
						: ContentMode.STRUCTURED;
			return new CapturedRecord(record.topic(), record.key(), mode, event);
		}
		catch (InvalidCloudEventException ex) {
			throw new AssertionError(
					"Record sent to topic " + record.topic() + " is not a valid CloudEvent: " + ex.getMessage());
		}
	}

	/**
	 * Events of one type that a {@link MockKafkaCloudEventTarget} expects, and whether
	 * their sends fail.
	 */
	public static final class ExpectedRecords {

		private @Nullable RuntimeException failure;

		private ExpectedRecords() {
		}

		/**
		 * Fail the sends of these events with the given exception, as a broker or the
		 * network would: the future of the send completes exceptionally.
		 * @param failure the exception
		 */
		public void andFail(RuntimeException failure) {
			this.failure = failure;
		}

	}

	/**
	 * A record the target received.
	 *
	 * @param topic the topic it was sent to
	 * @param key the record key, or {@code null} for none
	 * @param mode the content mode of the event
	 * @param event the event
	 */
	public record CapturedRecord(String topic, @Nullable Object key, ContentMode mode, CloudEvent event) {

	}

}
