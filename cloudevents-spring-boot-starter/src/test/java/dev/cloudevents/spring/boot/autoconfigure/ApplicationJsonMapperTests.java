package dev.cloudevents.spring.boot.autoconfigure;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.converter.CloudEventHttpMessageConverter;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule: data objects are written and read with the application's JsonMapper wherever
 * the application has one.
 */
class ApplicationJsonMapperTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CloudEventsAutoConfiguration.class))
		.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE");

	@Test
	void theFormatWritesDataObjectsWithTheApplicationMapper() {
		this.contextRunner.run((context) -> assertThat(new String(
				context.getBean(JsonEventFormat.class).dataBytes(event(new Item("pen", 2))), StandardCharsets.UTF_8))
			.isEqualTo("{\"item_name\":\"pen\",\"item_count\":2}"));
	}

	@Test
	void theBindingWritesBinaryAndStructuredBodiesWithTheApplicationMapper() {
		this.contextRunner.run((context) -> {
			CloudEventHttpBinding binding = context.getBean(CloudEventHttpBinding.class);
			assertThat(new String(binding.toBinary(event(new Item("pen", 2))).body(), StandardCharsets.UTF_8))
				.contains("\"item_name\"");
			assertThat(new String(binding.toStructured(event(new Item("pen", 2))).body(), StandardCharsets.UTF_8))
				.contains("\"item_name\"");
		});
	}

	@Test
	void theFormatReadsDataWithTheApplicationMapper() {
		this.contextRunner.run((context) -> {
			JsonEventFormat format = context.getBean(JsonEventFormat.class);
			CloudEvent received = context.getBean(CloudEventHttpBinding.class)
				.fromHttp(context.getBean(CloudEventHttpBinding.class).toBinary(event(new Item("pen", 2))).headers(),
						"{\"item_name\":\"pen\",\"item_count\":2}".getBytes(StandardCharsets.UTF_8));
			assertThat(format.dataAs(received, Item.class)).isEqualTo(new Item("pen", 2));
		});
	}

	@Test
	void theConverterUsesTheApplicationFormat() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(CloudEventHttpMessageConverter.class).getBinding().format().jsonMapper())
			.isSameAs(context.getBean(JsonMapper.class)));
	}

	private static CloudEvent event(Object data) {
		return CloudEvent.builder().source("/orders").type("com.example.item").data(data).build();
	}

	record Item(String itemName, int itemCount) {

	}

}
