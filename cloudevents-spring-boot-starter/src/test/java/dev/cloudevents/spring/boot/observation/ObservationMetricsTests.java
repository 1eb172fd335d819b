package dev.cloudevents.spring.boot.observation;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.client.CloudEventTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Boot application with the actuator and the starter, no configuration of its own:
 * after it sent an event to itself and handled it, {@code /actuator/metrics} lists
 * {@code cloudevents.send} and {@code cloudevents.receive} with their tags.
 */
class ObservationMetricsTests {

	private ConfigurableApplicationContext application;

	private RestClient actuator;

	@BeforeEach
	void start() {
		this.application = new SpringApplicationBuilder(TracedApplications.Receiver.class)
			.web(WebApplicationType.SERVLET)
			.properties(TracedApplications.PROPERTIES)
			.properties("server.port=0", "management.endpoints.web.exposure.include=metrics")
			.run();
		this.actuator = RestClient.create("http://localhost:" + port() + "/actuator/metrics");
	}

	@AfterEach
	void stop() {
		this.application.close();
	}

	@Test
	void sentAndReceivedEventsAppearInTheActuatorsMetrics() {
		CloudEvent event = CloudEvent.builder()
			.source(URI.create("https://example.com/orders"))
			.type("com.example.order.created")
			.build();
		this.application.getBean(CloudEventTemplate.class)
			.send(URI.create("http://localhost:" + port() + "/orders"), event, ContentMode.STRUCTURED);

		assertThat(this.actuator.get().retrieve().body(String.class)).contains("\"cloudevents.send\"",
				"\"cloudevents.receive\"");
		String receive = this.actuator.get().uri("/cloudevents.receive").retrieve().body(String.class);
		assertThat(receive).contains("\"cloudevents.event_type\"", "\"com.example.order.created\"",
				"\"cloudevents.content_mode\"", "\"structured\"", "\"outcome\"", "\"SUCCESS\"",
				"\"cloudevents.binding\"", "\"http\"");
		assertThat(receive).doesNotContain("cloudevents.event_id");
		String send = this.actuator.get().uri("/cloudevents.send").retrieve().body(String.class);
		assertThat(send).contains("\"status\"", "\"202\"", "\"cloudevents.event_spec_version\"", "\"1.0\"");
	}

	private int port() {
		return ((WebServerApplicationContext) this.application).getWebServer().getPort();
	}

}
