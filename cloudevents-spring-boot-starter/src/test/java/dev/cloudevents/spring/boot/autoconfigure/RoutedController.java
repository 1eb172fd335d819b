package dev.cloudevents.spring.boot.autoconfigure;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.annotation.CloudEventMapping;

@RestController
class RoutedController {

	@PostMapping("/events")
	@CloudEventMapping(type = "com.example.order.created")
	void created() {
	}

}
