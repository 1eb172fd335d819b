package dev.cloudevents.spring.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no {@code player.kafka.topic} the Player has no Kafka listener, so it connects to
 * no broker at start-up.
 */
@SpringBootTest
class PlayerWithoutKafkaTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Test
	void noTopicMeansNoListenerContainer() {
		assertThat(this.context.getBeanNamesForType(PlayerKafkaListener.class)).isEmpty();
		assertThat(this.registry.getListenerContainers()).isEmpty();
	}

}
