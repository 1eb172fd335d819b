package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.kafka.annotation.KafkaListenerAnnotationBeanPostProcessor;
import org.springframework.kafka.config.KafkaListenerConfigUtils;

import dev.cloudevents.spring.kafka.listener.CloudEventKafkaListenerAnnotationBeanPostProcessor;

/**
 * Puts {@link CloudEventKafkaListenerAnnotationBeanPostProcessor} in the place of the
 * {@code @KafkaListener} processor that {@code @EnableKafka} registered, whether Spring
 * Boot's or the application's {@code @EnableKafka} did: both register Spring Kafka's
 * processor only if no bean of its name exists, and the application's is registered
 * before any auto-configuration runs. A processor the application declares itself (of
 * another class) is left alone; {@code CloudEventKafkaListenerConfigurer} then fails the
 * start-up if a listener routes by event type.
 */
class CloudEventKafkaListenerProcessorRegistrar implements BeanDefinitionRegistryPostProcessor {

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		String name = KafkaListenerConfigUtils.KAFKA_LISTENER_ANNOTATION_PROCESSOR_BEAN_NAME;
		if (!registry.containsBeanDefinition(name) || !KafkaListenerAnnotationBeanPostProcessor.class.getName()
			.equals(registry.getBeanDefinition(name).getBeanClassName())) {
			return;
		}
		// removed and registered anew, which forgets what the factory derived from the
		// old definition
		registry.removeBeanDefinition(name);
		RootBeanDefinition definition = new RootBeanDefinition(
				CloudEventKafkaListenerAnnotationBeanPostProcessor.class);
		definition.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
		registry.registerBeanDefinition(name, definition);
	}

}
