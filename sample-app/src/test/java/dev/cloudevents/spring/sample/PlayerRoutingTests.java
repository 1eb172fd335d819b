package dev.cloudevents.spring.sample;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.annotation.CloudEventData;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.client.CloudEventResponse;
import dev.cloudevents.spring.client.CloudEventTemplate;
import dev.cloudevents.spring.mvc.CloudEventRequestMappingHandlerMapping;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Player with an application's {@code @CloudEventMapping} methods next to its own
 * endpoints: the starter's routing request mapping serves both. The build runs it on the
 * AOT-generated context too, where the mapping comes from generated bean definitions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlayerRoutingTests {

	@LocalServerPort
	private int port;

	@Autowired
	private CloudEventTemplate template;

	@Autowired
	private RoutedOrders orders;

	@Autowired
	private EventStore store;

	@Autowired
	private RequestMappingHandlerMapping requestMappingHandlerMapping;

	@BeforeEach
	void forgetEarlierEvents() {
		this.orders.received.clear();
		this.store.clear();
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void eventIsRoutedByItsTypeToTheMostSpecificMethodWithItsTypedData(ContentMode mode) {
		CloudEventResponse created = exchange("/orders", event("com.example.order.created"), mode);
		CloudEventResponse shipped = exchange("/orders", event("com.example.order.shipped"), mode);
		assertThat(created.status()).isEqualTo(HttpStatus.OK);
		assertThat(created.event()).hasType("com.example.order.accepted").hasDataEqualTo("{\"id\":\"42\"}");
		assertThat(shipped.status()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.orders.received).containsExactly("created 42 x3", "order event com.example.order.shipped");
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void eventOfATypeNoMethodTakesIsAnsweredWithAProblemNamingTheTypesTaken(ContentMode mode) {
		CloudEventResponse response = exchange("/orders", event("com.example.invoice.paid"), mode);
		assertThat(response.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.problem()).isNotNull();
		assertThat(response.problem().getProperties()).containsEntry("eventType", "com.example.invoice.paid")
			.containsEntry("acceptedTypes", List.of("com.example.order.*", "com.example.order.created"));
		assertThat(this.orders.received).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ContentMode.class)
	void thePlayersOwnEndpointStillReceivesEveryType(ContentMode mode) {
		assertThat(this.requestMappingHandlerMapping).isInstanceOf(CloudEventRequestMappingHandlerMapping.class);
		CloudEventResponse response = exchange("/", event("com.example.order.created"), mode);
		assertThat(response.status()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat(this.store.events(Direction.RECEIVED)).singleElement()
			.satisfies((received) -> assertThat(received.event()).hasType("com.example.order.created"));
		assertThat(this.orders.received).isEmpty();
	}

	private CloudEventResponse exchange(String path, CloudEvent event, ContentMode mode) {
		return this.template.exchange(URI.create("http://localhost:" + this.port + path), event, mode);
	}

	private static CloudEvent event(String type) {
		return CloudEvent.builder().id("r-1").type(type).source("/routing-tests").data(new Order("42", 3)).build();
	}

	record Order(String id, int quantity) {
	}

	@RestController
	static class RoutedOrders {

		final List<String> received = new CopyOnWriteArrayList<>();

		@PostMapping("/orders")
		@CloudEventMapping(type = "com.example.order.created")
		CloudEvent created(@CloudEventData Order order) {
			this.received.add("created " + order.id() + " x" + order.quantity());
			return CloudEvent.builder()
				.id("reply-" + order.id())
				.type("com.example.order.accepted")
				.source("/orders")
				.data(new Accepted(order.id()))
				.build();
		}

		@PostMapping("/orders")
		@CloudEventMapping(type = "com.example.order.*")
		@ResponseStatus(HttpStatus.ACCEPTED)
		void orderEvents(CloudEvent event) {
			this.received.add("order event " + event.type());
		}

	}

	record Accepted(String id) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RoutingConfiguration {

		@Bean
		RoutedOrders routedOrders() {
			return new RoutedOrders();
		}

	}

}
