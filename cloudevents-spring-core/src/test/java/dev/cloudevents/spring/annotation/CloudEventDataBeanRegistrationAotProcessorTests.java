package dev.cloudevents.spring.annotation;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeHint;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import dev.cloudevents.spring.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AOT processing of an application context, as for a native image, with beans whose
 * methods take {@code @CloudEventData}.
 */
class CloudEventDataBeanRegistrationAotProcessorTests {

	@Test
	void typesOfCloudEventDataParametersAreRegisteredForJsonBinding() {
		RuntimeHints hints = processAheadOfTime(OrderHandlers.class);
		assertThat(RuntimeHintsPredicates.reflection().onType(Order.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Order.class, "quantity")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Item.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Shipment.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Refund.class)).accepts(hints);
	}

	@Test
	void onlyTheDataTypesAreAddedWithOptionalAndMonoUnwrapped() {
		Set<TypeReference> added = types(processAheadOfTime(OrderHandlers.class));
		added.removeAll(types(processAheadOfTime(Unrelated.class)));
		assertThat(added).containsExactlyInAnyOrder(TypeReference.of(OrderHandlers.class),
				TypeReference.of(Order.class), TypeReference.of(Item.class), TypeReference.of(Shipment.class),
				TypeReference.of(Refund.class));
	}

	@Test
	void beansWithoutCloudEventDataGetNoContribution() {
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		beanFactory.registerBeanDefinition("unrelated", new RootBeanDefinition(Unrelated.class));
		assertThat(new CloudEventDataBeanRegistrationAotProcessor()
			.processAheadOfTime(RegisteredBean.of(beanFactory, "unrelated"))).isNull();
	}

	private static Set<TypeReference> types(RuntimeHints hints) {
		return hints.reflection().typeHints().map(TypeHint::getType).collect(Collectors.toCollection(HashSet::new));
	}

	private static RuntimeHints processAheadOfTime(Class<?> beanClass) {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean("handlers", beanClass);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get(CloudEventDataBeanRegistrationAotProcessorTests.class)),
					new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			return generationContext.getRuntimeHints();
		}
	}

	record Order(String id, int quantity, Item item) {
	}

	record Item(String sku) {
	}

	record Shipment(String id) {
	}

	record Refund(String id) {
	}

	static class OrderHandlers {

		void created(@CloudEventData Order order, CloudEvent event, Unrelated unrelated) {
		}

		void shipped(@CloudEventData Optional<Shipment> shipment) {
		}

		void refunded(@CloudEventData Mono<Refund> refund) {
		}

	}

	static class Unrelated {

		void on(CloudEvent event) {
		}

	}

}
