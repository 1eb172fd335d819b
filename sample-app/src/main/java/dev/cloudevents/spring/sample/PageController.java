package dev.cloudevents.spring.sample;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the page at {@code GET /}: the path events are posted to is mapped, so Spring
 * MVC's welcome page would not be reached.
 */
@Controller
class PageController {

	@GetMapping("/")
	String page() {
		return "forward:/index.html";
	}

}
