package dev.cloudevents.spring.test;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttp;

/**
 * {@link RequestPostProcessor}s that put CloudEvents into a {@code MockMvc} request, in
 * the spirit of Spring Security's {@code SecurityMockMvcRequestPostProcessors}. They set
 * the headers and body of the request; its method and URI are the builder's:
 * <pre class="code">
 * import static dev.cloudevents.spring.test.CloudEventRequests.*;
 *
 * mockMvc.perform(post("/orders").with(binary(event)));
 * mvc.post().uri("/orders").with(structured(event)).exchange();   // MockMvcTester
 * mvc.post().uri("/orders/batch").with(batch(created, shipped)).exchange();
 * </pre> The events are written as {@link CloudEventHttp} writes them: binary mode with
 * percent-encoded {@code ce-} headers and {@code datacontenttype} as
 * {@code Content-Type}, structured and batched mode in the JSON event format. For
 * {@code WebTestClient} and {@code WebClient}, see {@link CloudEventBodyInserters}.
 */
public final class CloudEventRequests {

	private CloudEventRequests() {
	}

	/**
	 * Put an event into the request in binary content mode.
	 * @param event the event
	 * @return the post processor
	 */
	public static RequestPostProcessor binary(CloudEvent event) {
		var message = CloudEventHttp.toBinary(event);
		return (request) -> write(request, message.headers(), message.body());
	}

	/**
	 * Put an event into the request in structured content mode.
	 * @param event the event
	 * @return the post processor
	 */
	public static RequestPostProcessor structured(CloudEvent event) {
		var message = CloudEventHttp.toStructured(event);
		return (request) -> write(request, message.headers(), message.body());
	}

	/**
	 * Put events into the request in batched content mode.
	 * @param events the events, all of one spec version
	 * @return the post processor
	 */
	public static RequestPostProcessor batch(List<CloudEvent> events) {
		var message = CloudEventHttp.toBatch(events);
		return (request) -> write(request, message.headers(), message.body());
	}

	/**
	 * Put events into the request in batched content mode.
	 * @param events the events, all of one spec version
	 * @return the post processor
	 */
	public static RequestPostProcessor batch(CloudEvent... events) {
		return batch(List.of(events));
	}

	private static MockHttpServletRequest write(MockHttpServletRequest request, HttpHeaders headers, byte[] body) {
		headers.forEach((name, values) -> {
			request.removeHeader(name);
			values.forEach((value) -> request.addHeader(name, value));
		});
		request.setContent(body);
		return request;
	}

}
