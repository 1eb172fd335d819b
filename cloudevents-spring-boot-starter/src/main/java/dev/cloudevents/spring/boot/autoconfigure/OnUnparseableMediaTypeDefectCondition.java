package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.cloudevents.spring.web.UnparseableMediaTypes;

/**
 * Matches while the running Spring Framework's media-type parser fails unexpectedly on a
 * value that starts with a quote (7.0.8), so that the guard filters go away by themselves
 * with the fix.
 */
final class OnUnparseableMediaTypeDefectCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return UnparseableMediaTypes.springParserFails()
				? ConditionOutcome.match("Spring Framework's media-type parser fails on a leading quote")
				: ConditionOutcome.noMatch("Spring Framework's media-type parser rejects a leading quote as it should");
	}

}
