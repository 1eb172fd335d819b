package dev.cloudevents.spring.benchmarks.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Spring Kafka's embedded KRaft broker, one node, as the project's tests run it.
 */
final class EmbeddedBroker implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	EmbeddedBroker(Map<String, String> properties) {
		Map<String, String> all = new HashMap<>(Map.of("auto.create.topics.enable", "false",
				"group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "1"));
		all.putAll(properties);
		this.broker = new EmbeddedKafkaKraftBroker(1, 1);
		this.broker.brokerProperties(all);
		this.broker.afterPropertiesSet();
	}

	String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	String createTopic(String name, int partitions) {
		this.broker.addTopics(new NewTopic(name, partitions, (short) 1));
		return name;
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
