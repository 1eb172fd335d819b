package dev.cloudevents.spring.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.cloudevents.spring.mvc.MvcTestApplication;

// the default, eager resolution is answered with 415: MvcInvalidInputTests
@SpringBootTest(classes = MvcTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.servlet.multipart.resolve-lazily=true")
class MvcUnusualContentTypeTests extends AbstractUnusualContentTypeTests {

}
