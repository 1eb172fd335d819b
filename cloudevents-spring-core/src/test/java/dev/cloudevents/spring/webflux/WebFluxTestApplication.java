package dev.cloudevents.spring.webflux;

import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.Order;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.WebFilter;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.EventLimits;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageReader;
import dev.cloudevents.spring.http.codec.CloudEventHttpMessageWriter;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.mvc.RecordingController;
import dev.cloudevents.spring.web.Decoded;
import dev.cloudevents.spring.web.Received;
import dev.cloudevents.spring.workaround.UnparseableMediaTypeWebFilter;

/**
 * A WebFlux application that receives CloudEvents with
 * {@link ReactiveRecordingController} and the functional endpoints {@code POST /fn} and
 * {@code POST /fn/reply}, wired by hand as the starter will: the reader and writer
 * through a {@link CodecCustomizer} (the reader takes
 * {@code spring.http.codecs.max-in-memory-size}), the request mapping that routes by
 * event type through {@link WebFluxRegistrations}, the argument resolver and the
 * exception handler as beans. The reader records what it reads in {@link Decoded}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(ReactiveRecordingController.class)
public class WebFluxTestApplication {

	@Bean
	Received received() {
		return new Received();
	}

	@Bean
	CloudEventHttpBinding cloudEventHttpBinding(JsonMapper jsonMapper, ObjectProvider<EventLimits> limits) {
		return new CloudEventHttpBinding(new JsonEventFormat(jsonMapper, limits.getIfAvailable(EventLimits::defaults)));
	}

	@Bean
	Decoded decoded() {
		return new Decoded();
	}

	@Bean
	CloudEventHttpMessageReader cloudEventHttpMessageReader(CloudEventHttpBinding binding, Decoded decoded) {
		return new CloudEventHttpMessageReader(binding) {

			@Override
			public Mono<Object> readMono(ResolvableType elementType, ReactiveHttpInputMessage message,
					Map<String, Object> hints) {
				return super.readMono(elementType, message, hints).doOnNext(decoded::record);
			}

		};
	}

	@Bean
	WebFluxRegistrations cloudEventWebFluxRegistrations(CloudEventHttpMessageReader reader) {
		return new WebFluxRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new CloudEventRequestMappingHandlerMapping(reader);
			}

		};
	}

	@Bean
	CloudEventHttpMessageWriter cloudEventHttpMessageWriter(CloudEventHttpBinding binding) {
		return new CloudEventHttpMessageWriter(binding);
	}

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE) // after Boot's, which sets the default max
										// in-memory size
	CodecCustomizer cloudEventCodecCustomizer(CloudEventHttpMessageReader reader, CloudEventHttpMessageWriter writer) {
		return (configurer) -> {
			configurer.customCodecs().registerWithDefaultConfig(reader, (config) -> {
				Integer maxInMemorySize = config.maxInMemorySize();
				if (maxInMemorySize != null) {
					reader.setMaxBodySize(DataSize.ofBytes(maxInMemorySize));
				}
			});
			configurer.customCodecs().register(writer);
		};
	}

	@Bean
	CloudEventMethodArgumentResolver cloudEventMethodArgumentResolver(CloudEventHttpMessageReader reader) {
		return new CloudEventMethodArgumentResolver(reader);
	}

	@Bean
	CloudEventWebExceptionHandler cloudEventWebExceptionHandler(ServerCodecConfigurer serverCodecConfigurer) {
		return new CloudEventWebExceptionHandler(serverCodecConfigurer.getWriters());
	}

	@Bean
	UnparseableMediaTypeWebFilter unparseableMediaTypeWebFilter() {
		return new UnparseableMediaTypeWebFilter();
	}

	@Bean
	RouterFunction<ServerResponse> cloudEventRoutes(Received received) {
		return RouterFunctions.route()
			.POST("/fn",
					(request) -> request.bodyToMono(CloudEvent.class)
						.doOnNext(received::record)
						.then(ServerResponse.accepted().build()))
			.POST("/fn/reply",
					(request) -> request.bodyToMono(CloudEvent.class)
						.doOnNext(received::record)
						.flatMap((event) -> ServerResponse.ok().bodyValue(RecordingController.reply(event))))
			.build();
	}

	/**
	 * Sets {@code ce-subject} to the value of {@code x-test-subject}, as a filter may
	 * rewrite a request: the reader must see the rewritten headers.
	 */
	@Bean
	WebFilter subjectRewritingFilter() {
		return (exchange, chain) -> {
			String subject = exchange.getRequest().getHeaders().getFirst("x-test-subject");
			if (subject == null) {
				return chain.filter(exchange);
			}
			return chain.filter(exchange.mutate()
				.request((request) -> request.headers((headers) -> headers.set("ce-subject", subject)))
				.build());
		};
	}

}
