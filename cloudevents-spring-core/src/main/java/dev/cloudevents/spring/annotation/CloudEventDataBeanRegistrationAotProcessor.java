package dev.cloudevents.spring.annotation;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the types of {@link CloudEventData @CloudEventData} parameters of a bean's
 * methods (controllers, {@code @KafkaListener} beans) for JSON binding in a native image,
 * as Spring does for {@code @RequestBody} parameters: the data is read into them with
 * Jackson, reflectively.
 */
class CloudEventDataBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	private static final String MONO = "reactor.core.publisher.Mono";

	private final BindingReflectionHintsRegistrar bindingHints = new BindingReflectionHintsRegistrar();

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Set<Type> dataTypes = dataTypes(ClassUtils.getUserClass(registeredBean.getBeanClass()));
		if (dataTypes.isEmpty()) {
			return null;
		}
		return (generationContext, beanRegistrationCode) -> {
			ReflectionHints hints = generationContext.getRuntimeHints().reflection();
			dataTypes.forEach((type) -> this.bindingHints.registerReflectionHints(hints, type));
		};
	}

	private static Set<Type> dataTypes(Class<?> beanClass) {
		Set<Type> types = new LinkedHashSet<>();
		ReflectionUtils.doWithMethods(beanClass, (method) -> addDataTypes(method, types),
				ReflectionUtils.USER_DECLARED_METHODS);
		return types;
	}

	private static void addDataTypes(Method method, Set<Type> types) {
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (parameter.hasParameterAnnotation(CloudEventData.class)) {
				ResolvableType type = ResolvableType.forMethodParameter(parameter.nestedIfOptional());
				// WebFlux reads the data of a Mono<T> parameter as T
				types.add((MONO.equals(type.toClass().getName()) ? type.getGeneric(0) : type).getType());
			}
		}
	}

}
