package dev.cloudevents.spring.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.http.CloudEventHttp;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.CloudEventHttpMessage;

/**
 * A target for the templates' tests that decodes requests with the framework-free
 * binding, so that the tests do not depend on the web adapters.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@RestController
class EventReceiverApplication {

	static final CloudEventHttpBinding binding = new CloudEventHttpBinding();

	final List<Received> received = new CopyOnWriteArrayList<>();

	/** What /scripted answers, in order; the last answer repeats. */
	final Queue<Answer> script = new ConcurrentLinkedQueue<>();

	/** The bodies that /scripted received, as text. */
	final List<String> scriptedBodies = new CopyOnWriteArrayList<>();

	final AtomicInteger slowRequests = new AtomicInteger();

	volatile CountDownLatch slowRelease = new CountDownLatch(1);

	void reset() {
		this.received.clear();
		this.script.clear();
		this.scriptedBodies.clear();
		this.slowRequests.set(0);
		this.slowRelease = new CountDownLatch(1);
	}

	void script(Answer... answers) {
		this.script.addAll(List.of(answers));
	}

	@PostMapping("/scripted")
	ResponseEntity<Void> scripted(@RequestBody(required = false) byte[] body) {
		this.scriptedBodies.add(new String(bytes(body), StandardCharsets.UTF_8));
		Answer answer = (this.script.size() > 1) ? this.script.poll() : this.script.peek();
		ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
		if (answer.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, answer.retryAfter());
		}
		return response.build();
	}

	@PostMapping("/slow")
	ResponseEntity<Void> slow() throws InterruptedException {
		this.slowRequests.incrementAndGet();
		// bounded: released by the test when it ends, at the latest after 10 seconds
		this.slowRelease.await(10, TimeUnit.SECONDS);
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/events")
	ResponseEntity<Void> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		this.received.add(new Received(binding.contentMode(headers), CloudEventHttp.fromHttp(headers, bytes(body))));
		return ResponseEntity.accepted().build();
	}

	// through the starter's argument resolver, which takes any MIME type as
	// datacontenttype (a byte[] body goes through Spring's stricter MediaType)
	@PostMapping("/events/resolved")
	ResponseEntity<Void> receiveResolved(CloudEvent event, @RequestHeader HttpHeaders headers) {
		this.received.add(new Received(binding.contentMode(headers), event));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/batch")
	ResponseEntity<Void> receiveBatch(@RequestHeader HttpHeaders headers, @RequestBody byte[] body) {
		CloudEventHttp.fromHttpBatch(headers, body).forEach((event) -> this.received.add(new Received(null, event)));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/reply/{mode}")
	ResponseEntity<byte[]> reply(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body,
			@PathVariable ContentMode mode) {
		CloudEvent request = CloudEventHttp.fromHttp(headers, bytes(body));
		CloudEventHttpMessage reply = binding.toHttp(reply(request), mode);
		return ResponseEntity.ok().headers(reply.headers()).body(reply.body());
	}

	// answers with a valid problem of 8 MB, more than a send reads of an answer it wants
	// no event from: cut short, it is no problem any more
	@PostMapping("/big-answer/{status}")
	ResponseEntity<String> bigAnswer(@PathVariable int status) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body("{\"status\":" + status + ",\"detail\":\"big\",\"pad\":\"" + "a".repeat(8 << 20) + "\"}");
	}

	// accepts anything, and says it replies with an event that is none
	@PostMapping("/invalid-reply")
	ResponseEntity<String> invalidReply() {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/cloudevents+json"))
			.body("not an event");
	}

	@PostMapping("/reject")
	ResponseEntity<byte[]> reject() {
		String problem = """
				{"type":"about:blank","title":"Bad Request","status":400,
				"detail":"Attribute 'type' is missing","attribute":"type"}""";
		return ResponseEntity.badRequest()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem.getBytes(StandardCharsets.UTF_8));
	}

	@PostMapping("/unavailable")
	ResponseEntity<String> unavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN).body("down");
	}

	static CloudEvent reply(CloudEvent request) {
		return CloudEvent.builder()
			.specVersion(request.specVersion())
			.id("reply-to-" + request.id())
			.source(URI.create("/receiver"))
			.type("com.example.reply")
			.time(request.time())
			.data("pong")
			.build();
	}

	private static byte[] bytes(byte[] body) {
		return (body != null) ? body : new byte[0];
	}

	record Received(ContentMode mode, CloudEvent event) {

	}

	record Answer(int status, @Nullable String retryAfter) {

		static Answer status(int status) {
			return new Answer(status, null);
		}

		static Answer retryAfter(int status, String retryAfter) {
			return new Answer(status, retryAfter);
		}

	}

}
