package dev.cloudevents.spring.kafka;

import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The one embedded KRaft broker of a test JVM, started on first use (a cold start takes
 * seconds on a small machine) and stopped when the JVM exits. Tests create topics of
 * their own, named uniquely, so they share the broker without seeing each other's
 * records.
 */
public final class SharedKafkaBroker {

	private static final EmbeddedKafkaBroker BROKER = start();

	private SharedKafkaBroker() {
	}

	private static EmbeddedKafkaBroker start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"offsets.topic.num.partitions", "1"));
		broker.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
		return broker;
	}

	/**
	 * Return the bootstrap servers of the broker, starting it if needed.
	 * @return the value for {@code bootstrap.servers}
	 */
	public static String bootstrapServers() {
		return BROKER.getBrokersAsString();
	}

	/**
	 * Return a factory of consumers of the broker that read keys as bytes, values with
	 * the given deserializer, and a topic new to their group from its first record.
	 * @param <V> the value type
	 * @param values the value deserializer
	 * @return the consumer factory
	 */
	public static <V> DefaultKafkaConsumerFactory<byte[], V> consumerFactory(Deserializer<V> values) {
		return new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), values);
	}

	/**
	 * Create a topic with a unique name.
	 * @param prefix the start of the name
	 * @param partitions the number of partitions
	 * @return the topic name
	 */
	public static String newTopic(String prefix, int partitions) {
		return newTopicNamed(prefix + "-" + UUID.randomUUID(), partitions);
	}

	/**
	 * Create a topic with the given name, such as the dead-letter topic of another,
	 * unless a test of this JVM created it already: tests that take a user's view (a
	 * listener on {@code "orders"}) share such a topic and must not count on its offsets.
	 * @param name the topic name
	 * @param partitions the number of partitions
	 * @return the topic name
	 */
	public static synchronized String newTopicNamed(String name, int partitions) {
		if (!BROKER.getTopics().contains(name)) {
			BROKER.addTopics(new NewTopic(name, partitions, (short) 1));
		}
		return name;
	}

}
