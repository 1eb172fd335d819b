package dev.cloudevents.spring.test;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpBinding;

/**
 * An in-process target for code that sends CloudEvents over HTTP, in the spirit of
 * Spring's {@code MockRestServiceServer}: it reads every request as a CloudEvent or a
 * batch, checks it against expectations, answers as told and keeps what it received.
 * <pre class="code">
 * MockCloudEventTarget target = MockCloudEventTarget.create();
 * RestClient client = RestClient.builder().requestFactory(target.requestFactory()).build();
 * // ... a CloudEventTemplate on that client, or WebClient.builder().filter(new MockCloudEventTargetFilter(target))
 *
 * target.expect(2, "com.example.order.created");                        // answered 202
 * target.expect("com.example.order.priced").andReply(priceEvent);       // answered with an event
 * target.expect("com.example.order.refused").andRespond(HttpStatus.BAD_REQUEST);
 * service.placeOrders();
 * target.verify();
 * assertThat(target.received()).hasSize(4);
 * </pre> With no expectations, every event is accepted with 202. With expectations, an
 * event of a type no expectation is left for, or a request that is not a valid
 * CloudEvent, fails the send with an {@link AssertionError}, which {@link #verify()}
 * reports again in case the code under test swallowed it. A reply event is written in the
 * content mode of the request. Thread-safe: sends may come from any thread, and
 * {@link #verify(java.time.Duration)} waits for sends that run in the background.
 */
public final class MockCloudEventTarget
		extends AbstractMockTarget<MockCloudEventTarget.ExpectedEvents, MockCloudEventTarget.CapturedRequest> {

	private static final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	private static final JsonMapper problemMapper = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private MockCloudEventTarget() {
	}

	/**
	 * Create a target with no expectations.
	 * @return the target
	 */
	public static MockCloudEventTarget create() {
		return new MockCloudEventTarget();
	}

	/**
	 * Return a request factory for a {@code RestClient} or {@code RestTemplate} that
	 * delivers every request to this target instead of the network.
	 * @return the request factory
	 */
	public ClientHttpRequestFactory requestFactory() {
		return new TargetRequestFactory(this);
	}

	/**
	 * Return every request received so far that carried events, in the order they
	 * arrived, with how they travelled.
	 * @return the requests
	 */
	public List<CapturedRequest> requests() {
		return captured();
	}

	@Override
	ExpectedEvents newExpectation() {
		return new ExpectedEvents();
	}

	@Override
	List<CloudEvent> eventsOf(CapturedRequest request) {
		return request.events();
	}

	Answer handle(URI uri, HttpHeaders headers, byte[] body) {
		return handle(() -> read(uri, headers, body), this::answer);
	}

	private CapturedRequest read(URI uri, HttpHeaders headers, byte[] body) {
		try {
			if (binding.isBatch(headers)) {
				return new CapturedRequest(uri, null, headers, binding.fromHttpBatch(headers, body));
			}
			ContentMode mode = binding.contentMode(headers);
			if (mode == null) {
				throw new InvalidCloudEventException("it has neither a ce-specversion header nor a CloudEvents "
						+ "Content-Type (" + headers.getFirst(HttpHeaders.CONTENT_TYPE) + ")");
			}
			return new CapturedRequest(uri, mode, headers, List.of(binding.fromHttp(headers, body)));
		}
		catch (InvalidCloudEventException ex) {
			throw new AssertionError("Request to " + uri + " is not a valid CloudEvent: " + ex.getMessage());
		}
	}

	private Answer answer(CapturedRequest request) {
		List<ExpectedEvents> matched = match(request.events(), request.uri().toString());
		if (matched.isEmpty()) {
			return Answer.status(HttpStatus.ACCEPTED);
		}
		ExpectedEvents first = matched.get(0);
		if (first.reply != null && request.mode() != null) {
			var reply = (request.mode() == ContentMode.BINARY) ? CloudEventHttp.toBinary(first.reply)
					: CloudEventHttp.toStructured(first.reply);
			return new Answer(first.status, reply.headers(), reply.body());
		}
		return first.answer();
	}

	/**
	 * Events of one type that a {@link MockCloudEventTarget} expects, and how it answers
	 * them.
	 */
	public static final class ExpectedEvents {

		private HttpStatusCode status = HttpStatus.ACCEPTED;

		private @Nullable CloudEvent reply;

		private @Nullable ProblemDetail problem;

		private ExpectedEvents() {
		}

		/**
		 * Answer these events with a status and no body.
		 * @param status the status
		 */
		public void andRespond(HttpStatusCode status) {
			this.status = status;
		}

		/**
		 * Answer these events with a problem, as {@code application/problem+json}, with
		 * its status.
		 * @param problem the problem
		 */
		public void andRespond(ProblemDetail problem) {
			this.status = HttpStatusCode.valueOf(problem.getStatus());
			this.problem = problem;
		}

		/**
		 * Answer these events with a reply event, {@code 200 OK}, in the content mode of
		 * the request.
		 * @param reply the reply event
		 */
		public void andReply(CloudEvent reply) {
			this.status = HttpStatus.OK;
			this.reply = reply;
		}

		private Answer answer() {
			if (this.problem == null) {
				return Answer.status(this.status);
			}
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			return new Answer(this.status, headers, problemMapper.writeValueAsBytes(this.problem));
		}

	}

	/**
	 * A request the target received: where it was sent, its content mode, its headers and
	 * its events.
	 *
	 * @param uri the URI the request was sent to
	 * @param mode the content mode of a single event, or {@code null} for a batch
	 * @param headers the request headers
	 * @param events the events, one unless the request is a batch
	 */
	public record CapturedRequest(URI uri, @Nullable ContentMode mode, HttpHeaders headers, List<CloudEvent> events) {

	}

	record Answer(HttpStatusCode status, HttpHeaders headers, byte[] body) {

		static Answer status(HttpStatusCode status) {
			return new Answer(status, new HttpHeaders(), new byte[0]);
		}

	}

}
