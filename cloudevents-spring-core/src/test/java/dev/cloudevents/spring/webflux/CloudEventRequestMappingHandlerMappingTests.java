package dev.cloudevents.spring.webflux;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.server.ServerWebExchange;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.annotation.CloudEventMapping;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.support.CloudEventMappingInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link CloudEventRequestMappingHandlerMapping} chooses among routed methods: by the
 * event alone where the methods on a path differ in nothing else, with Spring's lookup
 * otherwise, to the same choice.
 */
class CloudEventRequestMappingHandlerMappingTests {

	private final GenericApplicationContext context = new GenericApplicationContext();

	private final CountingMapping mapping = new CountingMapping();

	@BeforeEach
	void initMapping() {
		this.context.registerBean(Events.class);
		this.context.refresh();
		this.mapping.setApplicationContext(this.context);
		this.mapping.afterPropertiesSet();
	}

	@AfterEach
	void closeContext() {
		this.context.close();
	}

	@Test
	void whereOnlyTheEventDecidesOneMappingIsMatched() {
		assertThat(handle("/events", "com.example.a", "/x")).isEqualTo("a");
		assertThat(this.mapping.matched).isOne();
		assertThat(handle("/events", "com.example.b", "/x")).isEqualTo("prefix");
		assertThat(this.mapping.matched).isOne();
		assertThat(handle("/events", "com.example.b", "/s")).isEqualTo("bFromS");
		assertThat(this.mapping.matched).isOne();
	}

	@Test
	void anEventNoRoutedMethodTakesGoesToTheFallbackThroughSpringsLookup() {
		assertThat(handle("/events", "org.example.other", "/x")).isEqualTo("fallback");
		// the four POST methods and the GET one on the path
		assertThat(this.mapping.matched).isEqualTo(5);
	}

	@Test
	void whereAnotherConditionDiffersSpringsLookupDecides() {
		// Spring weighs produces before the event: without Accept, no produces wins
		assertThat(handle("/narrowed", "com.example.a", "/x")).isEqualTo("narrowedPrefix");
		assertThat(this.mapping.matched).isEqualTo(2);
		assertThat(handle("/narrowed", "com.example.a", "/x", MediaType.APPLICATION_JSON)).isEqualTo("narrowedExact");
		assertThat(this.mapping.matched).isEqualTo(2);
		assertThat(handle("/narrowed", "com.example.b", "/x", MediaType.APPLICATION_JSON)).isEqualTo("narrowedPrefix");
		assertThat(this.mapping.matched).isEqualTo(2);
	}

	@Test
	void aPathThatIsNotDirectIsLeftToSpringsLookup() {
		assertThat(handle("/things/1", "com.example.a", "/x")).isEqualTo("thingA");
		// Spring matches every mapping for a path without a direct mapping
		assertThat(this.mapping.matched).isEqualTo(this.mapping.getHandlerMethods().size());
	}

	@Test
	void methodsRegisteredAndUnregisteredAtRunTimeTakePartInTheChoice() throws NoSuchMethodException {
		Method method = Events.class.getDeclaredMethod("registered", CloudEvent.class);
		RequestMappingInfo info = RequestMappingInfo.paths("/events")
			.methods(RequestMethod.POST)
			.customCondition(new CloudEventMappingCondition(CloudEventMappingInfo.forMethod(method)))
			.build();
		this.mapping.registerMapping(info, this.context.getBean(Events.class), method);
		assertThat(handle("/events", "com.example.c", "/x")).isEqualTo("registered");
		assertThat(this.mapping.matched).isOne();
		this.mapping.unregisterMapping(info);
		assertThat(handle("/events", "com.example.c", "/x")).isEqualTo("prefix");
		assertThat(this.mapping.matched).isOne();
	}

	private String handle(String path, String type, String source, MediaType... accept) {
		this.mapping.matched = 0;
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.post(path)
			.header("ce-specversion", "1.0")
			.header("ce-id", "1")
			.header("ce-type", type)
			.header("ce-source", source);
		if (accept.length > 0) {
			request.accept(accept);
		}
		ServerWebExchange exchange = MockServerWebExchange.from(request.build());
		Object handler = this.mapping.getHandler(exchange).block();
		assertThat(handler).isInstanceOf(HandlerMethod.class);
		return ((HandlerMethod) handler).getMethod().getName();
	}

	/** Counts the mappings whose conditions the lookup matches. */
	static class CountingMapping extends CloudEventRequestMappingHandlerMapping {

		int matched;

		CountingMapping() {
			super(new CloudEventHttpMessageReader(new CloudEventHttpBinding()));
		}

		@Override
		protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, ServerWebExchange exchange) {
			this.matched++;
			return super.getMatchingMapping(info, exchange);
		}

	}

	@RestController
	static class Events {

		@PostMapping("/events")
		@CloudEventMapping(type = "com.example.a")
		void a(CloudEvent event) {
		}

		@PostMapping("/events")
		@CloudEventMapping(type = "com.example.*")
		void prefix(CloudEvent event) {
		}

		@PostMapping("/events")
		@CloudEventMapping(type = "com.example.b", source = "/s")
		void bFromS(CloudEvent event) {
		}

		@PostMapping("/events")
		void fallback(CloudEvent event) {
		}

		// another request method on the path: it takes no part in the choice
		@GetMapping("/events")
		void list() {
		}

		@PostMapping(path = "/narrowed", produces = "application/json")
		@CloudEventMapping(type = "com.example.a")
		void narrowedExact(CloudEvent event) {
		}

		@PostMapping("/narrowed")
		@CloudEventMapping(type = "com.example.*")
		void narrowedPrefix(CloudEvent event) {
		}

		@PostMapping("/things/{id}")
		@CloudEventMapping(type = "com.example.a")
		void thingA(CloudEvent event) {
		}

		@PostMapping("/things/{id}")
		@CloudEventMapping(type = "com.example.b")
		void thingB(CloudEvent event) {
		}

		// registered at run time
		@CloudEventMapping(type = "com.example.c")
		void registered(CloudEvent event) {
		}

	}

}
