package dev.cloudevents.spring.test;

import java.util.concurrent.CompletionException;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MockKafkaCloudEventTargetTests {

	private static final CloudEvent CREATED = CloudEvent.builder()
		.id("order-42")
		.type("com.example.order.created")
		.source("/orders")
		.data(new Order("42", 3))
		.build();

	private final MockKafkaCloudEventTarget target = MockKafkaCloudEventTarget.create();

	private final KafkaCloudEventTemplate kafka = new KafkaCloudEventTemplate(this.target.producerFactory(),
			new CloudEventKafkaBinding());

	@Test
	void withoutExpectationsEveryEventIsAcceptedAndCaptured() {
		this.kafka.send("orders", CREATED).join();
		this.kafka.send("orders", "order-43", CREATED.mutate().id("order-43").build(), ContentMode.STRUCTURED).join();
		this.target.verify();
		assertThat(this.target.received()).extracting(CloudEvent::id).containsExactly("order-42", "order-43");
		assertThat(this.target.records()).extracting(MockKafkaCloudEventTarget.CapturedRecord::mode)
			.containsExactly(ContentMode.BINARY, ContentMode.STRUCTURED);
		assertThat(this.target.records().get(1).key()).isEqualTo("order-43");
		assertThat(this.target.records().get(0).topic()).isEqualTo("orders");
		assertThat(this.target.received().get(0)).dataAs(Order.class).isEqualTo(new Order("42", 3));
	}

	@Test
	void expectedEventsPassVerificationAndMissingOnesFailIt() {
		this.target.expect(2, "com.example.order.created");
		this.kafka.send("orders", CREATED).join();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.target::verify)
			.withMessageContaining("Expected 2 event(s) of type \"com.example.order.created\" but received 1");
		this.kafka.send("orders", CREATED).join();
		this.target.verify();
	}

	@Test
	void unexpectedEventFailsTheSendAndTheVerification() {
		this.target.expect("com.example.order.shipped");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.kafka.send("orders", CREATED))
			.withMessageContaining("Unexpected event of type \"com.example.order.created\" sent to topic orders");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(this.target::verify)
			.withMessageContaining("Unexpected event of type \"com.example.order.created\"");
	}

	@Test
	void expectedSendFailsAsTold() {
		this.target.expect("com.example.order.created").andFail(new TimeoutException("broker down"));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> this.kafka.send("orders", CREATED).join())
			.withRootCauseInstanceOf(TimeoutException.class)
			.withMessageContaining("broker down");
		this.target.verify();
	}

	@Test
	void recordThatIsNotACloudEventFails() {
		KafkaTemplate<Object, Object> plain = new KafkaTemplate<>(this.target.producerFactory());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> plain.send("orders", "hello"))
			.withMessageContaining("Record sent to topic orders is not a valid CloudEvent: ")
			.withMessageContaining("java.lang.String");
	}

}
