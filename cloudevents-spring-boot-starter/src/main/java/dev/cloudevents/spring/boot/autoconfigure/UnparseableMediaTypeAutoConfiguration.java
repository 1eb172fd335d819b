package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.cloudevents.spring.workaround.UnparseableMediaTypeFilter;
import dev.cloudevents.spring.workaround.UnparseableMediaTypeWebFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of the guard against Spring Framework 7.0.8's media-type parser
 * defect, in Spring MVC and WebFlux, while the running Framework has it: delete this
 * class and the core's {@code dev.cloudevents.spring.workaround} package when Spring
 * Boot's BOM brings Framework 7.0.9.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@Conditional(UnparseableMediaTypeAutoConfiguration.OnParserDefectCondition.class)
public final class UnparseableMediaTypeAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(WebMvcConfigurer.class)
	static class ServletConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UnparseableMediaTypeFilter unparseableMediaTypeFilter() {
			return new UnparseableMediaTypeFilter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(WebFluxConfigurer.class)
	static class ReactiveConfiguration {

		@Bean
		@ConditionalOnMissingBean
		UnparseableMediaTypeWebFilter unparseableMediaTypeWebFilter() {
			return new UnparseableMediaTypeWebFilter();
		}

	}

	static final class OnParserDefectCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			try {
				MimeTypeUtils.parseMimeType("\"a/b");
			}
			catch (InvalidMimeTypeException ex) {
				return ConditionOutcome
					.noMatch("Spring Framework's media-type parser rejects a leading quote as it should");
			}
			catch (RuntimeException ex) {
				return ConditionOutcome.match("Spring Framework's media-type parser fails on a leading quote");
			}
			return ConditionOutcome.noMatch("Spring Framework's media-type parser takes a leading quote");
		}

	}

}
