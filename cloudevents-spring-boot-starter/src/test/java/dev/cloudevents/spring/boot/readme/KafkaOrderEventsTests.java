package dev.cloudevents.spring.boot.readme;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.cloudevents.spring.kafka.SharedKafkaBroker;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = KafkaOrderEventsTests.Application.class,
		properties = { "spring.kafka.consumer.auto-offset-reset=earliest", "cloudevents.kafka.topic=orders" })
@ExtendWith(OutputCaptureExtension.class)
class KafkaOrderEventsTests {

	@DynamicPropertySource
	static void kafka(DynamicPropertyRegistry registry) {
		SharedKafkaBroker.newTopicNamed("orders", 1);
		registry.add("spring.kafka.bootstrap-servers", SharedKafkaBroker::bootstrapServers);
	}

	@Autowired
	private KafkaOrderPublisher publisher;

	@Test
	void theListenersReceiveWhatThePublisherSends(CapturedOutput output) throws Exception {
		// another test of this JVM may have written to "orders" before
		long offset = this.publisher.publish(new Order("42", 3)).get().getRecordMetadata().offset();
		this.publisher.publishToTheDefaultTopic(new Order("43", 1));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getOut()).contains(" at offset " + offset + ": order 42")
				.contains(" at offset " + (offset + 1) + ": order 43")
				.containsPattern("audit com.example.order.created "));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ KafkaOrderEvents.class, KafkaOrderPublisher.class })
	static class Application {

	}

}
