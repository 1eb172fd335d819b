package dev.cloudevents.spring.boot.readme;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

// RoutedOrderEvents on WebFlux and Netty
@SpringBootTest(classes = RoutedOrderEventsTests.Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class ReactiveRoutedOrderEventsTests extends RoutedOrderEventsTests {

}
