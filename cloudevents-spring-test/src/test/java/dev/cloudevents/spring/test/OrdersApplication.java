package dev.cloudevents.spring.test;

import java.util.List;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;

/**
 * A user's application, with the starter: an endpoint that replies to an order event, in
 * the mode it came in, and one that counts a batch.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(OrdersApplication.OrdersController.class)
class OrdersApplication {

	@RestController
	static class OrdersController {

		@PostMapping("/orders")
		CloudEvent accept(CloudEvent order) {
			return CloudEvent.builder()
				.type("com.example.order.accepted")
				.source("/orders")
				.subject(order.id())
				.extension("orderid", order.id())
				.data(order.dataContentType(), order.data())
				.build();
		}

		@PostMapping("/orders/batch")
		@ResponseStatus(HttpStatus.ACCEPTED)
		String count(List<CloudEvent> orders) {
			return orders.stream().map(CloudEvent::id).reduce((a, b) -> a + "," + b).orElse("");
		}

	}

}
