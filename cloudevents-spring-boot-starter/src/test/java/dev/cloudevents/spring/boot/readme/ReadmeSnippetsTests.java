package dev.cloudevents.spring.boot.readme;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Java snippet of the README is code of this package, or of the test module's
 * readme package for the examples that use it (the starter cannot depend on the test
 * module, which tests with the starter), line for line and in order (blank lines and
 * indentation aside), which compiles and whose tests pass: a renamed type or method
 * breaks the build instead of the README.
 */
class ReadmeSnippetsTests {

	private static final Path README = Path.of("..", "README.md");

	private static final Path SOURCES = Path.of("src", "test", "java", "dev", "cloudevents", "spring", "boot",
			"readme");

	private static final Path TEST_MODULE_SOURCES = Path.of("..", "cloudevents-spring-test", "src", "test", "java",
			"dev", "cloudevents", "spring", "readme");

	private static final Pattern JAVA_SNIPPET = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everyJavaSnippetOfTheReadmeIsCodeOfThisPackage() throws IOException {
		List<List<String>> snippets = javaSnippets(Files.readString(README));
		List<List<String>> sources = new ArrayList<>();
		for (Path directory : List.of(SOURCES, TEST_MODULE_SOURCES)) {
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
					sources.add(lines(Files.readString(file)));
				}
			}
		}

		assertThat(snippets).hasSizeGreaterThanOrEqualTo(8);
		assertThat(snippets).allSatisfy((snippet) -> assertThat(sources)
			.as("a source of %s or %s holding, in order:%n%s", SOURCES, TEST_MODULE_SOURCES, String.join("\n", snippet))
			.anySatisfy((source) -> assertThat(isInOrderIn(snippet, source)).isTrue()));
	}

	@Test
	void httpBindingWritesAndReadsEventsWithoutSpringsWebStack() {
		CloudEvent event = CloudEvent.builder().type("com.example.order.created").source("/orders").build();
		CloudEvent other = CloudEvent.builder().type("com.example.order.shipped").source("/orders").build();

		// headers() is Spring's HttpHeaders, body() a byte[]
		CloudEventHttpMessage binary = CloudEventHttp.toBinary(event);
		CloudEventHttpMessage structured = CloudEventHttp.toStructured(event);
		CloudEventHttpMessage batch = CloudEventHttp.toBatch(List.of(event, other));

		// detects the content mode; plain headers work too: fromHttp(Map, byte[])
		CloudEvent received = CloudEventHttp.fromHttp(binary.headers(), binary.body());
		List<CloudEvent> events = CloudEventHttp.fromHttpBatch(batch.headers(), batch.body());

		assertThat(received).isEqualTo(event);
		assertThat(CloudEventHttp.fromHttp(structured.headers(), structured.body())).isEqualTo(event);
		assertThat(events).containsExactly(event, other);
		assertThat(binary.headers().getFirst("ce-type")).isEqualTo("com.example.order.created");
		assertThat(structured.headers().getContentType()).hasToString("application/cloudevents+json");
	}

	@Test
	void theCheckFindsASnippetThatIsNotCode() {
		List<String> source = lines("class A {\n\tvoid a() {\n\t\tb();\n\t}\n}\n");
		assertThat(isInOrderIn(lines("void a() {\n    b();"), source)).isTrue();
		assertThat(isInOrderIn(lines("b();\nvoid a() {"), source)).isFalse();
		assertThat(isInOrderIn(lines("c();"), source)).isFalse();
	}

	private static List<List<String>> javaSnippets(String markdown) {
		List<List<String>> snippets = new ArrayList<>();
		Matcher matcher = JAVA_SNIPPET.matcher(markdown);
		while (matcher.find()) {
			snippets.add(lines(matcher.group(1)));
		}
		return snippets;
	}

	// trimmed, blank lines dropped, runs of white space as one space
	private static List<String> lines(String text) {
		return text.lines()
			.map((line) -> line.strip().replaceAll("\\s+", " "))
			.filter((line) -> !line.isEmpty())
			.toList();
	}

	private static boolean isInOrderIn(List<String> snippet, List<String> source) {
		int next = 0;
		for (String line : source) {
			if (next < snippet.size() && snippet.get(next).equals(line)) {
				next++;
			}
		}
		return next == snippet.size();
	}

}
