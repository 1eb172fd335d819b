package dev.cloudevents.spring.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import dev.cloudevents.spring.mvc.MvcTestApplication;

/**
 * Routing by event type on Spring MVC and Tomcat, behind a filter that looks up the
 * handler before the dispatch, as Spring Security's CORS support does.
 */
@SpringBootTest(classes = { MvcTestApplication.class, RoutedController.class, MvcRoutingTests.CorsLookup.class },
		webEnvironment = WebEnvironment.RANDOM_PORT)
class MvcRoutingTests extends AbstractRoutingTests {

	@Override
	int maxBodyBytes() {
		return MvcTestApplication.MAX_BODY_KB * 1024;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CorsLookup {

		// the lookup runs on a wrapper with attributes of its own, and routing reads the
		// body there; the dispatch then gets a wrapper of the request, as behind Spring
		// Security
		@Bean
		OncePerRequestFilter corsLookupFilter(
				@Qualifier("mvcHandlerMappingIntrospector") HandlerMappingIntrospector introspector) {
			return new OncePerRequestFilter() {

				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					introspector.getCorsConfiguration(request);
					chain.doFilter(new HttpServletRequestWrapper(request), response);
				}

			};
		}

	}

}
