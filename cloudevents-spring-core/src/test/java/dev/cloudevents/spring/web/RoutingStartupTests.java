package dev.cloudevents.spring.web;

import java.util.function.Consumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.webflux.WebFluxTestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @CloudEventMapping} methods that cannot be routed fail the start-up of Spring
 * MVC and WebFlux applications, naming the methods; those that can, start.
 */
class RoutingStartupTests {

	enum Stack {

		MVC {
			@Override
			void run(Class<?> controller, Consumer<ApplicationContextAssertProvider<?>> assertions) {
				new WebApplicationContextRunner().withUserConfiguration(MvcTestApplication.class, controller)
					.run(assertions::accept);
			}
		},

		WEBFLUX {
			@Override
			void run(Class<?> controller, Consumer<ApplicationContextAssertProvider<?>> assertions) {
				new ReactiveWebApplicationContextRunner()
					.withUserConfiguration(WebFluxTestApplication.class, controller)
					.run(assertions::accept);
			}
		};

		abstract void run(Class<?> controller, Consumer<ApplicationContextAssertProvider<?>> assertions);

	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void twoMethodsThatShareATypeOnOnePathFailNamingBoth(Stack stack) {
		stack.run(SharedType.class,
				(context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContainingAll("Ambiguous @CloudEventMapping on [POST] [/shared]",
							"RoutingStartupTests$SharedType#first(CloudEvent)",
							"RoutingStartupTests$SharedType#second(CloudEvent)", "type 'com.example.b'"));
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void twoMethodsThatShareAPrefixAndASourceFailNamingBoth(Stack stack) {
		stack.run(SharedPrefixAndSource.class,
				(context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContainingAll("#first(CloudEvent)", "#second(CloudEvent)",
							"type 'com.example.*' from the source '/warehouse'"));
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void methodsThatAreMoreSpecificOneThanTheOtherStart(Stack stack) {
		stack.run(Specific.class, (context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aTypeWithAWildcardInsideFails(Stack stack) {
		stack.run(WildcardInside.class,
				(context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContainingAll("@CloudEventMapping on", "wildcard(dev.cloudevents.spring.CloudEvent)",
							"'com.*.created'", "only at its end"));
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void aRoutedMethodWithARequestBodyFails(Stack stack) {
		stack.run(RequestBodyParameter.class,
				(context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContainingAll("body(dev.cloudevents.spring.CloudEvent)", "@RequestBody"));
	}

	@RestController
	static class SharedType {

		@PostMapping("/shared")
		@CloudEventMapping(type = { "com.example.a", "com.example.b" })
		void first(CloudEvent event) {
		}

		@PostMapping("/shared")
		@CloudEventMapping(type = { "com.example.b", "com.example.c" })
		void second(CloudEvent event) {
		}

	}

	@RestController
	static class SharedPrefixAndSource {

		@PostMapping("/shared")
		@CloudEventMapping(type = "com.example.*", source = { "/store", "/warehouse" })
		void first(CloudEvent event) {
		}

		@PostMapping("/shared")
		@CloudEventMapping(type = "com.example.*", source = "/warehouse")
		void second(CloudEvent event) {
		}

	}

	@RestController
	static class Specific {

		@PostMapping("/specific")
		@CloudEventMapping(type = "com.example.*")
		void prefix(CloudEvent event) {
		}

		@PostMapping("/specific")
		@CloudEventMapping(type = "com.example.order.*")
		void longerPrefix(CloudEvent event) {
		}

		@PostMapping("/specific")
		@CloudEventMapping(type = "com.example.order.created")
		void exact(CloudEvent event) {
		}

		@PostMapping("/specific")
		@CloudEventMapping(type = "com.example.order.created", source = "/warehouse")
		void exactFromSource(CloudEvent event) {
		}

		@PostMapping("/specific")
		@CloudEventMapping(type = "com.example.order.created", specVersion = SpecVersion.V0_3)
		void exactInVersion(CloudEvent event) {
		}

		@PostMapping("/specific")
		@CloudEventMapping(type = "com.example.order.created", source = "/store")
		void exactFromOtherSource(CloudEvent event) {
		}

		@PostMapping(path = "/specific", consumes = "application/cloudevents+json")
		@CloudEventMapping(type = "com.example.order.created")
		void exactStructured(CloudEvent event) {
		}

		@PostMapping("/other")
		@CloudEventMapping(type = "com.example.order.created")
		void otherPath(CloudEvent event) {
		}

	}

	@RestController
	static class WildcardInside {

		@PostMapping("/wildcard")
		@CloudEventMapping(type = "com.*.created")
		void wildcard(CloudEvent event) {
		}

	}

	@RestController
	static class RequestBodyParameter {

		@PostMapping("/body")
		@CloudEventMapping(type = "com.example.order.created")
		void body(@RequestBody CloudEvent event) {
		}

	}

}
