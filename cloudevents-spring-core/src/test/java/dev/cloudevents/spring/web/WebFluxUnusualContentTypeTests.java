package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.webflux.WebFluxTestApplication;

@SpringBootTest(classes = WebFluxTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
class WebFluxUnusualContentTypeTests extends AbstractUnusualContentTypeTests {

}
