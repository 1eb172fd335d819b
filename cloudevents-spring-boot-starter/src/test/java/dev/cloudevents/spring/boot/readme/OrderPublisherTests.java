package dev.cloudevents.spring.boot.readme;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.json.JsonEventFormat;

import static org.assertj.core.api.Assertions.assertThat;

// the README's sender against the README's receiver, over real HTTP
@SpringBootTest(classes = OrderPublisherTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "cloudevents.source=https://example.com/shop")
class OrderPublisherTests {

	@LocalServerPort
	private int port;

	@Autowired
	private OrderPublisher publisher;

	@Autowired
	private Captured captured;

	@Autowired
	private JsonEventFormat format;

	@Test
	void orderCreatedIsSentAsAnEventWithTheOrderAsData() {
		this.publisher.orderCreated(URI.create("http://localhost:" + this.port + "/captured"), new Order("42", 3));

		assertThat(this.captured.events).singleElement().satisfies((event) -> {
			assertThat(event.type()).isEqualTo("com.example.order.created");
			assertThat(event.source()).isEqualTo(URI.create("https://example.com/orders"));
			assertThat(this.format.dataAs(event, Order.class)).isEqualTo(new Order("42", 3));
		});
	}

	@Test
	void askReturnsTheReceiversReply() {
		CloudEvent question = CloudEvent.builder().type("com.example.question").source("/tests").id("q-1").build();

		assertThat(this.publisher.ask(URI.create("http://localhost:" + this.port + "/"), question))
			.hasValueSatisfying((reply) -> {
				assertThat(reply.type()).isEqualTo("com.example.question.reply");
				assertThat(this.format.dataAs(reply, String.class)).isEqualTo("received q-1");
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ OrderPublisher.class, OrderEvents.class, Captured.class })
	static class Application {

	}

	@RestController
	static class Captured {

		final List<CloudEvent> events = new CopyOnWriteArrayList<>();

		@PostMapping("/captured")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void capture(CloudEvent event) {
			this.events.add(event);
		}

	}

}
