package dev.cloudevents.spring.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ProducerFactory;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} imported by {@link AutoConfigureMockKafkaCloudEventTarget}: the
 * target and its producer factory, before Boot's Kafka auto-configuration, which then
 * backs off from its own.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
public final class MockKafkaCloudEventTargetAutoConfiguration {

	@Bean
	MockKafkaCloudEventTarget mockKafkaCloudEventTarget() {
		return MockKafkaCloudEventTarget.create();
	}

	@Bean
	ProducerFactory<Object, Object> mockKafkaCloudEventTargetProducerFactory(MockKafkaCloudEventTarget target) {
		return target.producerFactory();
	}

}
