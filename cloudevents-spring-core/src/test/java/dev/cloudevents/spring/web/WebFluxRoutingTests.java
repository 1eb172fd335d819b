package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.webflux.WebFluxTestApplication;

/**
 * Routing by event type on Spring WebFlux and Netty.
 */
@SpringBootTest(classes = { WebFluxTestApplication.class, RoutedController.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class WebFluxRoutingTests extends AbstractRoutingTests {

	@Override
	int maxBodyBytes() {
		return (int) CloudEventHttpMessageReader.DEFAULT_MAX_BODY_SIZE.toBytes();
	}

}
