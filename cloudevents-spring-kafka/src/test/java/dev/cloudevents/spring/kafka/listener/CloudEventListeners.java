package dev.cloudevents.spring.kafka.listener;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.KafkaListenerConfigUtils;

import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;

/**
 * What the starter registers for {@code @KafkaListener} methods that take events, wired
 * by hand for the listener tests: the annotation processor that routes by event type and
 * reads events from the record, and the configurer of the argument resolvers.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafka
class CloudEventListeners {

	@Bean(KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME)
	static CloudEventKafkaListenerAnnotationBeanPostProcessor<?, ?> kafkaListenerAnnotationProcessor() {
		return new CloudEventKafkaListenerAnnotationBeanPostProcessor<>();
	}

	@Bean
	CloudEventKafkaListenerConfigurer cloudEventKafkaListenerConfigurer() {
		return new CloudEventKafkaListenerConfigurer(new CloudEventKafkaBinding());
	}

}
