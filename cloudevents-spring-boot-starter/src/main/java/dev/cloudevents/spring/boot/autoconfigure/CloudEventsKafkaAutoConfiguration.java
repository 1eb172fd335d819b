package dev.cloudevents.spring.boot.autoconfigure;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;
import dev.cloudevents.spring.kafka.listener.CloudEventKafkaListenerConfigurer;
import dev.cloudevents.spring.kafka.listener.CloudEventLoggingRecoverer;
import dev.cloudevents.spring.observation.CloudEventSendObservationConvention;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for CloudEvents over Apache Kafka, active when Spring Kafka is on
 * the class path: the Kafka binding with the application's event format,
 * {@code @KafkaListener} methods that take CloudEvents (with any container factory), a
 * {@link KafkaCloudEventTemplate} on Boot's {@link ProducerFactory}, and, unless the
 * application has an error handler of its own, one that logs a record that is no valid
 * CloudEvent at WARN and skips it. When the application configures no consumer group,
 * Boot's consumer factory gets the application's name as its {@code group.id}, so that a
 * {@code @KafkaListener} naming only its topics starts. Runs after Boot's Kafka
 * auto-configuration, whose producer factory it uses.
 */
@AutoConfiguration(after = CloudEventsAutoConfiguration.class,
		afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({ KafkaTemplate.class, CloudEventKafkaBinding.class })
@EnableConfigurationProperties(CloudEventsKafkaProperties.class)
public final class CloudEventsKafkaAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CloudEventKafkaBinding cloudEventKafkaBinding(ObjectProvider<JsonEventFormat> jsonEventFormat) {
		return new CloudEventKafkaBinding(jsonEventFormat.getIfAvailable(JsonEventFormat::new));
	}

	@Bean
	@ConditionalOnMissingBean
	CloudEventKafkaListenerConfigurer cloudEventKafkaListenerConfigurer(CloudEventKafkaBinding binding) {
		return new CloudEventKafkaListenerConfigurer(binding);
	}

	// Boot's container factory takes a unique CommonErrorHandler bean; without one,
	// Spring Kafka's default would log an invalid record at ERROR with its stack trace
	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler cloudEventKafkaErrorHandler() {
		return new DefaultErrorHandler(new CloudEventLoggingRecoverer());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ProducerFactory.class)
	KafkaCloudEventTemplate kafkaCloudEventTemplate(ProducerFactory<?, ?> producerFactory,
			CloudEventKafkaBinding binding, CloudEventsKafkaProperties properties,
			CloudEventsProperties cloudEventsProperties, Environment environment,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<CloudEventSendObservationConvention> observationConvention) {
		KafkaCloudEventTemplate template = new KafkaCloudEventTemplate(producerFactory, binding);
		PropertyMapper map = PropertyMapper.get();
		map.from(properties::getContentMode).to(template::setContentMode);
		map.from(properties::getTopic).to(template::setDefaultTopic);
		map.from(properties::isPartitionKeyMapping).to(template::setPartitionKeyMapping);
		template.setSource(TemplateProperties.source(cloudEventsProperties, environment));
		observationRegistry.ifAvailable(template::setObservationRegistry);
		observationConvention.ifAvailable(template::setObservationConvention);
		template.setTraceContextExtension(cloudEventsProperties.getTracing().isExtension());
		return template;
	}

	// Spring Kafka needs a group for every listener that subscribes; without one
	// configured
	// anywhere, a @KafkaListener naming only its topics would fail at start-up
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(DefaultKafkaConsumerFactoryCustomizer.class)
	static class DefaultConsumerGroupConfiguration {

		@Bean
		DefaultConsumerGroupCustomizer cloudEventsDefaultConsumerGroupCustomizer(Environment environment) {
			return new DefaultConsumerGroupCustomizer(environment);
		}

	}

}
