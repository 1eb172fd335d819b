package dev.cloudevents.spring.benchmarks;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every JMH benchmark for one short iteration in this JVM, so that a change that
 * breaks one fails the build: every method, single and rotating inputs, of the smallest
 * size (the setup of every size is {@link BenchmarkInputsTests}'s). The numbers mean
 * nothing: {@code benchmarks/jmh.sh} measures (see BENCHMARKS.md).
 */
class BenchmarksSmokeTests {

	private static final List<Class<?>> BENCHMARKS = List.of(BatchDecode.class, BinaryDecode.class, BinaryEncode.class,
			StructuredDecode.class, StructuredEncode.class, StructuredScaling.class, BatchScaling.class,
			KafkaDecode.class, KafkaEncode.class, WebFluxDispatch.class);

	// the values run of these parameters; any other (an enum) runs with every value
	private static final Map<String, List<String>> PARAMETERS = Map.of("size", List.of("SMALL"), "distinct",
			List.of("1", "1024"), "dataBytes", List.of("100"), "events", List.of("1", "1000"), "endpoint",
			List.of("BINARY"));

	@Test
	void everyBenchmarkRunsAndMeasuresSomething() throws RunnerException {
		ChainedOptionsBuilder builder = new OptionsBuilder()
			.include(Pattern.quote(BenchmarksSmokeTests.class.getPackageName()) + "\\.")
			.forks(0)
			.warmupIterations(0)
			.measurementIterations(1)
			.measurementTime(TimeValue.milliseconds(20))
			.shouldFailOnError(true)
			.verbosity(VerboseMode.SILENT);
		PARAMETERS.forEach((name, values) -> builder.param(name, values.toArray(String[]::new)));
		Options options = builder.build();

		Collection<RunResult> results = new Runner(options).run();

		assertThat(results).extracting((result) -> result.getParams().getBenchmark())
			.containsOnlyElementsOf(benchmarkMethods())
			.containsAll(benchmarkMethods());
		assertThat(results).hasSize(runsExpected());
		assertThat(results).allSatisfy(
				(result) -> assertThat(result.getPrimaryResult().getScore()).as(result.getParams().getBenchmark())
					.isPositive());
	}

	private static List<String> benchmarkMethods() {
		return BENCHMARKS.stream()
			.flatMap((type) -> benchmarkMethods(type).map((method) -> type.getName() + "." + method.getName()))
			.toList();
	}

	// a benchmark runs once per combination of its parameters' values
	private static int runsExpected() {
		return BENCHMARKS.stream().mapToInt((type) -> {
			int combinations = Stream.of(type.getFields())
				.filter((field) -> field.isAnnotationPresent(Param.class))
				.mapToInt((field) -> PARAMETERS.containsKey(field.getName()) ? PARAMETERS.get(field.getName()).size()
						: field.getType().getEnumConstants().length)
				.reduce(1, (a, b) -> a * b);
			return (int) benchmarkMethods(type).count() * combinations;
		}).sum();
	}

	private static Stream<Method> benchmarkMethods(Class<?> type) {
		return Stream.of(type.getMethods()).filter((method) -> method.isAnnotationPresent(Benchmark.class));
	}

}
