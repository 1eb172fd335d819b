package dev.cloudevents.spring.test;

import java.net.URI;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static dev.cloudevents.spring.test.CloudEventBodyInserters.batch;
import static dev.cloudevents.spring.test.CloudEventBodyInserters.binary;
import static dev.cloudevents.spring.test.CloudEventBodyInserters.structured;

@WebFluxTest(OrdersApplication.OrdersController.class)
class CloudEventBodyInsertersTests {

	private static final CloudEvent ORDER = CloudEvent.builder()
		.id("order-42")
		.type("com.example.order.created")
		.source(URI.create("https://example.com/orders"))
		.extension("note", "two words")
		.data(new Order("42", 3))
		.build();

	@Autowired
	private WebTestClient client;

	@Test
	void binaryBodyIsReceivedAndAnsweredInBinaryMode() {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/orders")
			.body(binary(ORDER))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ce-subject", "order-42")
			.expectBody()
			.returnResult();
		assertThat(result).isCloudEvent(ContentMode.BINARY)
			.hasType("com.example.order.accepted")
			.hasExtension("orderid", "order-42")
			.dataAs(Order.class)
			.isEqualTo(new Order("42", 3));
	}

	@Test
	void structuredBodyIsAnsweredInStructuredMode() {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/orders")
			.body(structured(ORDER))
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result).isCloudEvent(ContentMode.STRUCTURED).hasSubject("order-42");
	}

	@Test
	void batchBodyCarriesEveryEventInOrder() {
		this.client.post()
			.uri("/orders/batch")
			.body(batch(ORDER, ORDER.mutate().id("order-43").build()))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(String.class)
			.isEqualTo("order-42,order-43");
	}

	@Test
	void invalidEventIsAnsweredWithAProblemNamingTheAttribute() {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-source", "/orders")
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result).isProblem().hasStatus(400).namesAttribute("type");
	}

}
