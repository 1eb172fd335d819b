package dev.cloudevents.spring.boot.readme;

import java.net.URI;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.client.CloudEventTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// over real HTTP with the starter's template; ReactiveRoutedOrderEventsTests does the same on WebFlux
@SpringBootTest(classes = RoutedOrderEventsTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class RoutedOrderEventsTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CloudEventTemplate template;

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void eachEventReachesTheMethodForItsType(ContentMode mode, CapturedOutput output) {
		send(mode, SpecVersion.V1_0, "com.example.order.created", "https://example.com/orders");
		send(mode, SpecVersion.V1_0, "com.example.order.shipped", "https://example.com/orders");
		send(mode, SpecVersion.V0_3, "com.example.order.created", "https://example.com/legacy");
		send(mode, SpecVersion.V1_0, "com.example.invoice.paid", "https://example.com/invoices");
		assertThat(output.getOut()).containsSubsequence("order 42 created", "com.example.order.shipped ",
				"legacy order ", "not routed: com.example.invoice.paid");
	}

	private void send(ContentMode mode, SpecVersion version, String type, String source) {
		CloudEvent event = CloudEvent.builder()
			.specVersion(version)
			.type(type)
			.source(source)
			.data(new Order("42", 3))
			.build();
		this.template.send(URI.create("http://localhost:" + this.port + "/events"), event, mode);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(RoutedOrderEvents.class)
	static class Application {

	}

}
