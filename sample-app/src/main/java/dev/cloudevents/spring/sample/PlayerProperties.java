package dev.cloudevents.spring.sample;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the player, under {@code player}.
 *
 * @param maxEvents how many events of each direction (received, sent, replies) the player
 * keeps in memory; the oldest are dropped first
 * @param kafka settings of the player's Kafka part
 */
@ConfigurationProperties("player")
public record PlayerProperties(@DefaultValue("1000") int maxEvents, @DefaultValue Kafka kafka) {

	public PlayerProperties {
		if (maxEvents < 1) {
			throw new IllegalArgumentException("player.max-events must be at least 1");
		}
	}

	/**
	 * Settings of the player's Kafka part, which also needs
	 * {@code spring.kafka.bootstrap-servers}.
	 *
	 * @param topic topic whose events the player consumes and lists with those received
	 * over HTTP, in consumer group {@value PlayerKafkaListener#GROUP_ID}; none by
	 * default, and then the player needs no broker
	 */
	public record Kafka(@Nullable String topic) {

	}

}
