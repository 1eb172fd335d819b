package dev.cloudevents.spring.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import dev.cloudevents.spring.mvc.MvcTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filter that reads the request parameters (as Spring Security's CSRF filter does for a
 * form post) leaves no body to a binary-mode event with form data: answered 415, never
 * acknowledged without its data.
 */
@SpringBootTest(classes = { MvcTestApplication.class, MvcFormParametersReadFirstTests.ParameterReadingFilter.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcFormParametersReadFirstTests {

	@LocalServerPort
	int port;

	@Autowired
	Received received;

	@Test
	void aBinaryModeEventWhoseFormDataAFilterReadIsAProblem() throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/"))
			.header("ce-specversion", "1.0")
			.header("ce-id", "f")
			.header("ce-source", "/src")
			.header("ce-type", "t")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("a=1"))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("a filter read the request parameters");
		assertThat(this.received.invocations()).isZero();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ParameterReadingFilter {

		@Bean
		Filter parameterReadingFilter() {
			return (request, response, chain) -> {
				request.getParameter("_csrf");
				chain.doFilter(request, response);
			};
		}

	}

}
