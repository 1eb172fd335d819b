package dev.cloudevents.spring.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the player, under {@code player}.
 *
 * @param maxEvents how many events of each direction (received, sent, replies) the player
 * keeps in memory; the oldest are dropped first
 */
@ConfigurationProperties("player")
public record PlayerProperties(@DefaultValue("1000") int maxEvents) {

	public PlayerProperties {
		if (maxEvents < 1) {
			throw new IllegalArgumentException("player.max-events must be at least 1");
		}
	}

}
