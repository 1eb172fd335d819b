package dev.cloudevents.spring.boot.autoconfigure;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.util.StringUtils;

/**
 * Gives Boot's consumer factory a {@code group.id} when the application configures none,
 * so that a {@code @KafkaListener} naming only its topics starts: the application's name,
 * else {@value #FALLBACK_GROUP_ID} (the name Boot gives an unnamed application, and the
 * path of our default event source). The consumer factory's configuration is the lowest
 * of Spring Kafka's precedences: {@code groupId} or {@code id} on the annotation, and a
 * group the container factory sets, still win. Unnamed services that share a topic would
 * share the fallback group, and so its partitions, so the fallback is logged at WARN.
 */
final class DefaultConsumerGroupCustomizer implements DefaultKafkaConsumerFactoryCustomizer {

	static final String FALLBACK_GROUP_ID = "application";

	private static final Log logger = LogFactory.getLog(DefaultConsumerGroupCustomizer.class);

	private final String groupId;

	DefaultConsumerGroupCustomizer(Environment environment) {
		String name = environment.getProperty("spring.application.name");
		this.groupId = StringUtils.hasText(name) ? name : FALLBACK_GROUP_ID;
	}

	@Override
	public void customize(DefaultKafkaConsumerFactory<?, ?> consumerFactory) {
		// spring.kafka.consumer.group-id, spring.kafka.properties.group.id and
		// spring.kafka.consumer.properties.group.id all end up in this map
		Object configured = consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
		if (!(configured instanceof String value && StringUtils.hasText(value))) {
			consumerFactory.updateConfigs(Map.of(ConsumerConfig.GROUP_ID_CONFIG, this.groupId));
			if (FALLBACK_GROUP_ID.equals(this.groupId)) {
				logger.warn("Kafka consumers without a group id join the consumer group '" + FALLBACK_GROUP_ID
						+ "', which other unnamed applications on the topic would share: set "
						+ "spring.application.name or spring.kafka.consumer.group-id");
			}
		}
	}

}
