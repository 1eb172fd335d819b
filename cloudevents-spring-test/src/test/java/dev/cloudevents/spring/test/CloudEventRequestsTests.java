package dev.cloudevents.spring.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;

import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
import static dev.cloudevents.spring.test.CloudEventRequests.batch;
import static dev.cloudevents.spring.test.CloudEventRequests.binary;
import static dev.cloudevents.spring.test.CloudEventRequests.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OrdersApplication.OrdersController.class)
class CloudEventRequestsTests {

	private static final CloudEvent ORDER = CloudEvent.builder()
		.id("order-42")
		.type("com.example.order.created")
		.source(URI.create("https://example.com/orders"))
		.extension("note", "two words, 100% \"quoted\"")
		.data(new Order("42", 3))
		.build();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private MockMvc mockMvc;

	@Test
	void binaryRequestCarriesTheEventInCeHeadersAndIsAnsweredInBinaryMode() {
		MvcTestResult result = this.mvc.post().uri("/orders").with(binary(ORDER)).exchange();
		assertThat(result).hasStatusOk();
		assertThat(result.getResponse()).isCloudEvent(ContentMode.BINARY)
			.hasType("com.example.order.accepted")
			.hasSubject("order-42")
			.hasExtension("orderid", "order-42")
			.hasDataEqualTo("{\"quantity\": 3, \"id\": \"42\"}");
	}

	@Test
	void structuredRequestIsAnsweredInStructuredMode() {
		MvcTestResult result = this.mvc.post().uri("/orders").with(structured(ORDER)).exchange();
		assertThat(result.getResponse()).isCloudEvent(ContentMode.STRUCTURED)
			.hasType("com.example.order.accepted")
			.dataAs(Order.class)
			.isEqualTo(new Order("42", 3));
	}

	@Test
	void batchRequestCarriesEveryEventInOrder() {
		CloudEvent second = ORDER.mutate().id("order-43").build();
		MvcTestResult result = this.mvc.post().uri("/orders/batch").with(batch(ORDER, second)).exchange();
		assertThat(result).hasStatus(HttpStatus.ACCEPTED).bodyText().isEqualTo("order-42,order-43");
	}

	@Test
	void postProcessorsWorkWithTheClassicMockMvc() throws Exception {
		this.mockMvc.perform(post("/orders").with(binary(ORDER))).andExpect(status().isOk());
	}

	@Test
	void binaryRequestKeepsTheEventExactlyAsTheBindingWritesIt() {
		MockHttpServletRequest request = binary(ORDER).postProcessRequest(new MockHttpServletRequest());
		assertThat(request.getHeader("ce-id")).isEqualTo("order-42");
		assertThat(request.getHeader("ce-note")).isEqualTo("two%20words,%20100%25%20%22quoted%22");
		assertThat(request.getContentType()).isEqualTo("application/json");
		assertThat(request.getContentAsByteArray()).asString(StandardCharsets.UTF_8)
			.isEqualTo("{\"id\":\"42\",\"quantity\":3}");
	}

	@Test
	void postProcessorReplacesAContentTypeTheBuilderSet() {
		MockHttpServletRequest request = new MockHttpServletRequest(new MockServletContext(), "POST", "/orders");
		request.setContentType("text/plain");
		structured(ORDER).postProcessRequest(request);
		assertThat(request.getContentType()).isEqualTo("application/cloudevents+json");
		assertThat(Collections.list(request.getHeaders("Content-Type")))
			.containsExactly("application/cloudevents+json");
	}

	@Test
	void eventOfSpecVersion03KeepsItsVersion() {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.with(structured(ORDER.toSpecVersion(SpecVersion.V0_3)))
			.exchange();
		assertThat(result.getResponse()).isCloudEvent().hasSubject("order-42");
	}

	@Test
	void invalidEventIsAnsweredWithAProblemNamingTheAttribute() {
		MvcTestResult result = this.mvc.post()
			.uri("/orders")
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-type", "com.example.order.created")
			.exchange();
		assertThat(result.getResponse()).isProblem().hasStatus(HttpStatus.BAD_REQUEST).namesAttribute("source");
	}

}
