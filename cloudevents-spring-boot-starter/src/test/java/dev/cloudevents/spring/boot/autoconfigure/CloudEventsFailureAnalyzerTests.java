package dev.cloudevents.spring.boot.autoconfigure;

import java.util.List;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventsFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CloudEventsAutoConfiguration.class));

	@Test
	void invalidContentModeIsExplainedWithTheValidValues() {
		FailureAnalysis analysis = analyze("cloudevents.http.content-mode=banana");
		assertThat(analysis.getDescription())
			.contains("Invalid value 'banana' for property 'cloudevents.http.content-mode'");
		assertThat(analysis.getAction())
			.isEqualTo("Set 'cloudevents.http.content-mode' to one of: binary, structured.");
	}

	@Test
	void sinkThatIsNotAUriIsExplained() {
		FailureAnalysis analysis = analyze("cloudevents.http.sink=not a uri");
		assertThat(analysis.getDescription())
			.contains("Invalid value 'not a uri' for property 'cloudevents.http.sink'");
		assertThat(analysis.getAction()).contains("absolute http or https URI").contains("${K_SINK:}");
	}

	@Test
	void relativeSinkIsExplained() {
		FailureAnalysis analysis = analyze("cloudevents.http.sink=/events");
		assertThat(analysis.getDescription()).contains("Invalid value '/events' for property 'cloudevents.http.sink'");
		assertThat(analysis.getAction()).contains("absolute http or https URI");
	}

	@Test
	void sinkWithoutASchemeIsRejectedAtStartUpAndExplained() {
		FailureAnalysis analysis = analyze("cloudevents.http.sink=localhost:8081/orders");
		assertThat(analysis.getDescription())
			.contains("Invalid value 'localhost:8081/orders' for property 'cloudevents.http.sink'");
		assertThat(analysis.getAction()).contains("absolute http or https URI");
	}

	@Test
	void sinkWithAnotherSchemeIsRejectedAtStartUpAndExplained() {
		FailureAnalysis analysis = analyze("cloudevents.http.sink=ftp://example.com/x");
		assertThat(analysis.getDescription())
			.contains("Invalid value 'ftp://example.com/x' for property 'cloudevents.http.sink'");
		assertThat(analysis.getAction()).contains("absolute http or https URI");
	}

	@Test
	void httpsSinkIsAccepted() {
		this.contextRunner.withPropertyValues("cloudevents.http.sink=HTTPS://broker.example/events")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void invalidMaxBodySizeIsExplained() {
		FailureAnalysis analysis = analyze("cloudevents.http.max-body-size=huge");
		assertThat(analysis.getDescription())
			.contains("Invalid value 'huge' for property 'cloudevents.http.max-body-size'");
		assertThat(analysis.getAction()).contains("1MB");
	}

	@Test
	void invalidRetryAndTimeoutValuesAreExplained() {
		assertThat(analyze("cloudevents.http.retry.max-attempts=0").getAction()).contains("1 or more");
		assertThat(analyze("cloudevents.http.retry.multiplier=0.5").getAction()).contains("1.0 or more");
		assertThat(analyze("cloudevents.http.retry.jitter=2").getAction()).contains("from 0");
		assertThat(analyze("cloudevents.http.retry.max-retry-after=-1s").getAction()).contains("not negative");
		assertThat(analyze("cloudevents.http.read-timeout=0s").getDescription())
			.contains("Invalid value '0s' for property 'cloudevents.http.read-timeout'");
		assertThat(analyze("cloudevents.http.connect-timeout=soon").getAction()).contains("positive duration");
	}

	@Test
	void limitsOutOfRangeAreExplained() {
		FailureAnalysis batch = analyze("cloudevents.http.max-batch-size=0");
		assertThat(batch.getDescription()).contains("Invalid value '0' for property 'cloudevents.http.max-batch-size'");
		assertThat(batch.getAction()).contains("at least 1").contains("1000");
		assertThat(analyze("cloudevents.http.max-extensions=-1").getAction()).contains("at least 0").contains("64");
		FailureAnalysis depth = analyze("cloudevents.http.json.max-nesting-depth=-5");
		assertThat(depth.getDescription())
			.contains("Invalid value '-5' for property 'cloudevents.http.json.max-nesting-depth'");
		assertThat(depth.getAction()).contains("at least 1").contains("max-nesting-depth 64");
		assertThat(analyze("cloudevents.http.json.max-string-length=many").getAction()).contains("5000000");
	}

	@Test
	void webhookRateThatIsNotPositiveIsExplained() {
		FailureAnalysis analysis = analyze("cloudevents.webhook.allowed-rate=0");
		assertThat(analysis.getDescription())
			.contains("Invalid value '0' for property 'cloudevents.webhook.allowed-rate'");
		assertThat(analysis.getAction()).contains("greater than zero");
	}

	@Test
	void otherBindFailuresAreLeftToSpringBoot() {
		this.contextRunner.withPropertyValues("cloudevents.http.content-mode=banana").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new CloudEventsFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
		});
	}

	@Test
	void analyzerRunsBeforeSpringBootsGenericBindAnalyzer() {
		ArgumentResolver arguments = ArgumentResolver.of(BeanFactory.class, new DefaultListableBeanFactory())
			.and(Environment.class, new MockEnvironment());
		List<String> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, arguments, FailureHandler.logging(LogFactory.getLog(getClass())))
			.stream()
			.map((analyzer) -> analyzer.getClass().getName())
			.toList();
		assertThat(analyzers).contains(CloudEventsFailureAnalyzer.class.getName());
		assertThat(analyzers.indexOf(CloudEventsFailureAnalyzer.class.getName()))
			.isLessThan(analyzers.indexOf("org.springframework.boot.diagnostics.analyzer.BindFailureAnalyzer"));
	}

	private FailureAnalysis analyze(String property) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new CloudEventsFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

}
