package dev.cloudevents.spring.boot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
import dev.cloudevents.spring.http.HttpMessage;

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

	@PostMapping("/events")
	ResponseEntity<Void> receive(@RequestHeader HttpHeaders headers, @RequestBody(required = false) byte[] body) {
		this.received.add(new Received(binding.contentMode(headers), CloudEventHttp.fromHttp(headers, bytes(body))));
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
		HttpMessage reply = binding.toHttp(reply(request), mode);
		return ResponseEntity.ok().headers(reply.headers()).body(reply.body());
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

}
