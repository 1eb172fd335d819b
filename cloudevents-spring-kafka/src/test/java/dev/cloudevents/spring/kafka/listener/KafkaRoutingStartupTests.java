package dev.cloudevents.spring.kafka.listener;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.messaging.handler.annotation.SendTo;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listener classes whose {@code @CloudEventMapping} methods cannot route as written fail
 * the start-up, naming the methods and the fix, before any container starts.
 */
class KafkaRoutingStartupTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(RoutingConfig.class);

	@Test
	void twoEquallySpecificMappingsFailTheStartUpNamingBothMethods() {
		this.runner.withBean(Ambiguous.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Ambiguous @CloudEventMapping on @KafkaListener " + Ambiguous.class.getName()
						+ ": '" + Ambiguous.class.getName() + "#one(CloudEvent)' and '" + Ambiguous.class.getName()
						+ "#two(CloudEvent)' both match CloudEvents of type 'com.example.*' equally"));
	}

	@Test
	void aHandlerWithoutMappingOrDefaultFailsTheStartUp() {
		this.runner.withBean(UnmappedHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"The @KafkaHandler method KafkaRoutingStartupTests.UnmappedHandler.other(CloudEvent) "
								+ "would receive no CloudEvent")
				.hasMessageContaining("@KafkaHandler(isDefault = true)"));
	}

	@Test
	void aMappingWithoutKafkaHandlerFailsTheStartUp() {
		this.runner.withBean(MissingHandler.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"@CloudEventMapping on KafkaRoutingStartupTests.MissingHandler.forgotten(CloudEvent) "
								+ "takes effect only on a @KafkaHandler method")
				.hasMessageContaining("add @KafkaHandler"));
	}

	@Test
	void aReplyTopicOnARoutedMethodFailsTheStartUp() {
		this.runner.withBean(Replying.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("@SendTo on KafkaRoutingStartupTests.Replying.a(CloudEvent) is not supported"));
	}

	@Test
	void aMappingOnAMethodLevelListenerFailsTheStartUp() {
		this.runner.withBean(MethodLevel.class)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("move @KafkaListener to the class"));
	}

	@Test
	void springKafkasOwnProcessorWithARoutedListenerFailsTheStartUpNamingTheFix() {
		new ApplicationContextRunner().withUserConfiguration(StockConfig.class)
			.withBean(Routed.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("The @CloudEventMapping methods of " + Routed.class.getName()
						+ " would receive no CloudEvents by type")
				.hasMessageContaining("Register a " + CloudEventKafkaListenerAnnotationBeanPostProcessor.class.getName()
						+ " under that bean name"));
	}

	@Test
	void aRoutedListenerStartsWithTheRoutingProcessor() {
		this.runner.withBean(Routed.class).run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@Import(CloudEventListeners.class)
	static class RoutingConfig {

		// never started: the listeners do not start automatically
		@Bean
		ConcurrentKafkaListenerContainerFactory<byte[], byte[]> kafkaListenerContainerFactory() {
			ConcurrentKafkaListenerContainerFactory<byte[], byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
			factory.setConsumerFactory(
					new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9"),
							new ByteArrayDeserializer(), new ByteArrayDeserializer()));
			return factory;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	static class StockConfig {

		@Bean
		CloudEventKafkaListenerConfigurer cloudEventKafkaListenerConfigurer() {
			return new CloudEventKafkaListenerConfigurer(new CloudEventKafkaBinding());
		}

	}

	@KafkaListener(topics = "t", groupId = "g", autoStartup = "false")
	static class Ambiguous {

		@KafkaHandler
		@CloudEventMapping(type = { "com.example.a", "com.example.*" })
		void one(CloudEvent event) {
		}

		@KafkaHandler
		@CloudEventMapping(type = "com.example.*")
		void two(CloudEvent event) {
		}

	}

	@KafkaListener(topics = "t", groupId = "g", autoStartup = "false")
	static class UnmappedHandler {

		@KafkaHandler
		@CloudEventMapping(type = "com.example.a")
		void a(CloudEvent event) {
		}

		@KafkaHandler
		void other(CloudEvent event) {
		}

	}

	@KafkaListener(topics = "t", groupId = "g", autoStartup = "false")
	static class MissingHandler {

		@KafkaHandler
		@CloudEventMapping(type = "com.example.a")
		void a(CloudEvent event) {
		}

		@CloudEventMapping(type = "com.example.b")
		void forgotten(CloudEvent event) {
		}

	}

	@KafkaListener(topics = "t", groupId = "g", autoStartup = "false")
	static class Replying {

		@KafkaHandler
		@CloudEventMapping(type = "com.example.a")
		@SendTo("replies")
		String a(CloudEvent event) {
			return "reply";
		}

	}

	static class MethodLevel {

		@KafkaListener(topics = "t", groupId = "g", autoStartup = "false")
		@CloudEventMapping(type = "com.example.a")
		void a(CloudEvent event) {
		}

	}

	@KafkaListener(topics = "t", groupId = "g", autoStartup = "false")
	static class Routed {

		@KafkaHandler
		@CloudEventMapping(type = "com.example.a")
		void a(CloudEvent event) {
		}

		@KafkaHandler(isDefault = true)
		void other(CloudEvent event) {
		}

	}

}
