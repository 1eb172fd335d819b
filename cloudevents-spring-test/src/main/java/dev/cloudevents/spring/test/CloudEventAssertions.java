package dev.cloudevents.spring.test;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.reactive.server.ExchangeResult;

import dev.cloudevents.spring.CloudEvent;

/**
 * Entry point of the AssertJ assertions on CloudEvents and on the HTTP responses that
 * carry them. Imported statically next to AssertJ's {@code Assertions.assertThat}, the
 * overloads here are the ones chosen for their argument types: <pre class="code">
 * import static dev.cloudevents.spring.test.CloudEventAssertions.assertThat;
 *
 * assertThat(event).hasType("com.example.order.created").hasSource("/orders");
 *
 * MvcTestResult result = mvc.post().uri("/orders").with(structured(event)).exchange();
 * assertThat(result.getResponse()).isCloudEvent(ContentMode.STRUCTURED).hasType("com.example.order.accepted");
 * assertThat(result.getResponse()).isProblem().hasStatus(400).namesAttribute("source");
 * </pre>
 */
public final class CloudEventAssertions {

	private CloudEventAssertions() {
	}

	/**
	 * Create assertions on an event.
	 * @param actual the event
	 * @return the assertions
	 */
	public static CloudEventAssert assertThat(@Nullable CloudEvent actual) {
		return new CloudEventAssert(actual);
	}

	/**
	 * Create assertions on a {@code MockMvc} response, as {@code MvcTestResult}'s
	 * {@code getResponse()} and {@code MvcResult}'s {@code getResponse()} return it.
	 * @param actual the response
	 * @return the assertions
	 */
	public static CloudEventResponseAssert assertThat(MockHttpServletResponse actual) {
		HttpHeaders headers = new HttpHeaders();
		actual.getHeaderNames().forEach((name) -> headers.addAll(name, actual.getHeaders(name)));
		return new CloudEventResponseAssert(
				CloudEventResponseAssert.response(actual.getStatus(), headers, actual.getContentAsByteArray()));
	}

	/**
	 * Create assertions on the response of a {@code WebTestClient} exchange, as
	 * {@code expectBody().returnResult()} returns it.
	 * @param actual the exchange
	 * @return the assertions
	 */
	public static CloudEventResponseAssert assertThat(ExchangeResult actual) {
		return new CloudEventResponseAssert(CloudEventResponseAssert.response(actual.getStatus().value(),
				actual.getResponseHeaders(), actual.getResponseBodyContent()));
	}

	/**
	 * Create assertions on a response with a {@code byte[]} or {@code String} body, as
	 * {@code RestClient} or {@code RestTemplate} return it from a running server.
	 * @param actual the response
	 * @return the assertions
	 */
	public static CloudEventResponseAssert assertThat(ResponseEntity<?> actual) {
		return new CloudEventResponseAssert(CloudEventResponseAssert.bytes(actual));
	}

}
