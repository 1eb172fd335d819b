package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.mvc.MvcTestApplication;

@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcUnusualContentTypeTests extends AbstractUnusualContentTypeTests {

}
