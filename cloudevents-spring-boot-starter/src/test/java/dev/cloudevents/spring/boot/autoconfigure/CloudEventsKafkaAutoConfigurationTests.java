package dev.cloudevents.spring.boot.autoconfigure;

import java.net.URI;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor;
import org.springframework.kafka.config.KafkaListenerConfigUtils;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.listener.CloudEventKafkaListenerAnnotationBeanPostProcessor;
import dev.cloudevents.spring.kafka.listener.CloudEventKafkaListenerConfigurer;
import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.DefaultCloudEventReceiveObservationConvention;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CloudEventsKafkaAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations
		.of(KafkaAutoConfiguration.class, CloudEventsAutoConfiguration.class, CloudEventsKafkaAutoConfiguration.class));

	@Test
	void withSpringKafkaTheBindingListenerSupportTemplateAndErrorHandlerAreConfigured() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CloudEventKafkaBinding.class)
				.hasSingleBean(CloudEventKafkaListenerConfigurer.class)
				.hasSingleBean(KafkaCloudEventTemplate.class)
				.hasSingleBean(CommonErrorHandler.class);
			assertThat(context.getBean(CloudEventKafkaBinding.class).format())
				.isSameAs(context.getBean(JsonEventFormat.class));
			assertThat(context).getBean("cloudEventKafkaErrorHandler").isInstanceOf(DefaultErrorHandler.class);
			assertThat(context.getBean(KafkaCloudEventTemplate.class))
				.hasFieldOrPropertyWithValue("contentMode", ContentMode.BINARY)
				.hasFieldOrPropertyWithValue("defaultTopic", null)
				.hasFieldOrPropertyWithValue("partitionKeyMapping", false)
				.hasFieldOrPropertyWithValue("source", URI.create("/application"));
		});
	}

	@Test
	void thePropertiesReachTheTemplate() {
		this.runner
			.withPropertyValues("cloudevents.kafka.content-mode=structured", "cloudevents.kafka.topic=orders",
					"cloudevents.kafka.partition-key-mapping=true", "cloudevents.source=https://example.com/shop")
			.run((context) -> assertThat(context.getBean(KafkaCloudEventTemplate.class))
				.hasFieldOrPropertyWithValue("contentMode", ContentMode.STRUCTURED)
				.hasFieldOrPropertyWithValue("defaultTopic", "orders")
				.hasFieldOrPropertyWithValue("partitionKeyMapping", true)
				.hasFieldOrPropertyWithValue("source", URI.create("https://example.com/shop")));
	}

	@Test
	void theApplicationNameIsTheDefaultSource() {
		this.runner.withPropertyValues("spring.application.name=order service")
			.run((context) -> assertThat(context.getBean(KafkaCloudEventTemplate.class))
				.hasFieldOrPropertyWithValue("source", URI.create("/order%20service")));
	}

	@Test
	void withoutSpringKafkaNothingIsConfigured() {
		this.runner.withClassLoader(new FilteredClassLoader(KafkaTemplate.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CloudEventKafkaBinding.class)
				.doesNotHaveBean(CloudEventKafkaListenerConfigurer.class)
				.doesNotHaveBean(KafkaCloudEventTemplate.class)
				.doesNotHaveBean(CommonErrorHandler.class));
	}

	@Test
	void withoutAProducerFactoryThereIsNoTemplateButListenersStillTakeEvents() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CloudEventsAutoConfiguration.class, CloudEventsKafkaAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(KafkaCloudEventTemplate.class)
				.hasSingleBean(CloudEventKafkaListenerConfigurer.class));
	}

	@Test
	void theApplicationsOwnBeansWin() {
		CloudEventKafkaBinding binding = new CloudEventKafkaBinding();
		DefaultErrorHandler errorHandler = new DefaultErrorHandler();
		this.runner.withBean(CloudEventKafkaBinding.class, () -> binding)
			.withBean(CommonErrorHandler.class, () -> errorHandler)
			.withBean("myTemplate", KafkaCloudEventTemplate.class,
					() -> new KafkaCloudEventTemplate(
							new org.springframework.kafka.core.DefaultKafkaProducerFactory<>(java.util.Map.of()),
							binding))
			.withBean("myConfigurer", CloudEventKafkaListenerConfigurer.class,
					() -> new CloudEventKafkaListenerConfigurer(binding))
			.run((context) -> {
				assertThat(context).getBean(CloudEventKafkaBinding.class).isSameAs(binding);
				assertThat(context).getBean(CommonErrorHandler.class).isSameAs(errorHandler);
				assertThat(context).hasSingleBean(KafkaCloudEventTemplate.class)
					.hasBean("myTemplate")
					.hasSingleBean(CloudEventKafkaListenerConfigurer.class)
					.hasBean("myConfigurer");
			});
	}

	@Test
	void withoutAConsumerGroupBootsConsumerFactoryTakesTheApplicationName(CapturedOutput output) {
		this.runner.withPropertyValues("spring.application.name=order-service")
			.run((context) -> assertThat(groupId(context.getBean(ConsumerFactory.class))).isEqualTo("order-service"));
		assertThat(output).doesNotContain("join the consumer group");
	}

	@Test
	void aBlankApplicationNameCountsAsNone() {
		this.runner.withPropertyValues("spring.application.name=")
			.run((context) -> assertThat(groupId(context.getBean(ConsumerFactory.class))).isEqualTo("application"));
	}

	@Test
	void aConsumerGroupConfiguredInAnyOfBootsPropertiesWins() {
		for (String property : new String[] { "spring.kafka.consumer.group-id", "spring.kafka.properties[group.id]",
				"spring.kafka.consumer.properties[group.id]" }) {
			this.runner.withPropertyValues(property + "=billing", "spring.application.name=order-service")
				.run((context) -> assertThat(groupId(context.getBean(ConsumerFactory.class))).as(property)
					.isEqualTo("billing"));
		}
	}

	@Test
	void theApplicationsOwnConsumerFactoryIsLeftAlone() {
		DefaultKafkaConsumerFactory<Object, Object> consumerFactory = new DefaultKafkaConsumerFactory<>(
				java.util.Map.of());
		this.runner.withBean(ConsumerFactory.class, () -> consumerFactory)
			.run((context) -> assertThat(groupId(context.getBean(ConsumerFactory.class))).isNull());
	}

	@Test
	void withoutAConsumerGroupOrApplicationNameTheGroupIsApplicationWithAWarning(CapturedOutput output) {
		this.runner
			.run((context) -> assertThat(groupId(context.getBean(ConsumerFactory.class))).isEqualTo("application"));
		assertThat(output).contains("join the consumer group 'application'", "set spring.application.name");
	}

	@Test
	void withoutBootsKafkaModuleThereIsNoDefaultGroup() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CloudEventsAutoConfiguration.class, CloudEventsKafkaAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(DefaultKafkaConsumerFactoryCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("cloudEventsDefaultConsumerGroupCustomizer")
				.hasSingleBean(CloudEventKafkaListenerConfigurer.class));
	}

	private static Object groupId(ConsumerFactory<?, ?> consumerFactory) {
		return consumerFactory.getConfigurationProperties().get(ConsumerConfig.GROUP_ID_CONFIG);
	}

	@Test
	void theListenerProcessorOfBootsEnableKafkaRoutesByEventType() {
		this.runner.run((context) -> assertThat(context)
			.getBean(KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
			.isExactlyInstanceOf(CloudEventKafkaListenerAnnotationBeanPostProcessor.class));
	}

	@Test
	void theListenerProcessorOfTheApplicationsEnableKafkaRoutesByEventType() {
		this.runner.withUserConfiguration(EnableKafkaConfiguration.class)
			.run((context) -> assertThat(context)
				.getBean(KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
				.isExactlyInstanceOf(CloudEventKafkaListenerAnnotationBeanPostProcessor.class));
	}

	@Test
	void aListenerProcessorTheApplicationDeclaresIsLeftAlone() {
		this.runner.withUserConfiguration(OwnProcessorConfiguration.class)
			.run((context) -> assertThat(context)
				.getBean(KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
				.isExactlyInstanceOf(OwnProcessor.class));
	}

	@Test
	void theObservationRegistryAndConventionReachTheListenerConfigurer() {
		ObservationRegistry registry = ObservationRegistry.create();
		CloudEventReceiveObservationConvention convention = new DefaultCloudEventReceiveObservationConvention();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(CloudEventReceiveObservationConvention.class, () -> convention)
			.run((context) -> assertThat(context.getBean(CloudEventKafkaListenerConfigurer.class))
				.hasFieldOrPropertyWithValue("observationRegistry", registry)
				.hasFieldOrPropertyWithValue("observationConvention", convention));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	static class EnableKafkaConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableKafka
	static class OwnProcessorConfiguration {

		@Bean(KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
		static OwnProcessor ownProcessor() {
			return new OwnProcessor();
		}

	}

	static class OwnProcessor extends KafkaListenerAnnotationBeanPostProcessor<Object, Object> {

	}

}
