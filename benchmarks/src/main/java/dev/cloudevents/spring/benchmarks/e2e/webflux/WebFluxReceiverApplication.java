package dev.cloudevents.spring.benchmarks.e2e.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.benchmarks.e2e.E2eObservations;
import dev.cloudevents.spring.http.CloudEventHttp;

/**
 * A Spring WebFlux application on Reactor Netty receiving events for {@code e2e.sh}, with
 * the same endpoints as the MVC one. Tomcat is on the class path for the MVC application,
 * so its reactive server is switched off here.
 */
@SpringBootApplication(
		excludeName = "org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration")
@RestController
@Import(E2eObservations.class)
public class WebFluxReceiverApplication {

	@PostMapping("/binary")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void binary(CloudEvent event) {
	}

	@PostMapping("/structured")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void structured(CloudEvent event) {
	}

	// the same event through Spring's @RequestBody argument resolution and our converter
	@PostMapping("/request-body")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void requestBody(@RequestBody CloudEvent event) {
	}

	// /routed: five types on one path; the benchmark's event is of the exact one
	@PostMapping("/routed")
	@CloudEventMapping(type = "com.example.order.created")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void orderCreated(CloudEvent event) {
	}

	@PostMapping("/routed")
	@CloudEventMapping(type = "com.example.order.shipped")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void orderShipped(CloudEvent event) {
	}

	@PostMapping("/routed")
	@CloudEventMapping(type = "com.example.order.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void otherOrderEvents(CloudEvent event) {
	}

	@PostMapping("/routed")
	@CloudEventMapping(type = "com.example.payment.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void paymentEvents(CloudEvent event) {
	}

	@PostMapping("/routed")
	@CloudEventMapping(type = "com.example.customer.*")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void customerEvents(CloudEvent event) {
	}

	@PostMapping("/bytes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void bytes(@RequestBody byte[] body) {
	}

	@PostMapping("/from-http")
	@ResponseStatus(HttpStatus.ACCEPTED)
	void fromHttp(@RequestHeader HttpHeaders headers, @RequestBody byte[] body) {
		CloudEventHttp.fromHttp(headers, body);
	}

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(WebFluxReceiverApplication.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.run(args);
	}

}
