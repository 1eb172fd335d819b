package dev.cloudevents.spring.webflux;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.http.CloudEventHttpBinding;
import dev.cloudevents.spring.observation.CloudEventReceiveContext;
import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;
import dev.cloudevents.spring.observation.DefaultCloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.TraceContextExtension;

/**
 * Observes each exchange whose handler method takes events through
 * {@link CloudEventMethodArgumentResolver}, as a
 * {@link CloudEventsObservationDocumentation#RECEIVE cloudevents.receive} observation:
 * from the moment the resolver has read the events (so that a tracer can link the traces
 * their {@code traceparent} extensions name as it creates the span) until the handler's
 * result has been handled, with the status and the error. An exchange whose events cannot
 * be read is observed too, with its error (a rejected event's
 * {@link dev.cloudevents.spring.web.CloudEventRequestException}). It is a child of the
 * server's observation; unlike in Spring MVC, the handler's own observations are children
 * of the server's too, as the resolver cannot change the Reactor context the handler runs
 * in.
 * <p>
 * Register it as a bean; without an {@link ObservationRegistry} there is nothing to
 * observe and no need to.
 *
 * @since 0.1.0
 */
public class CloudEventObservationWebFilter implements WebFilter {

	private static final String OBSERVATION_ATTRIBUTE = CloudEventObservationWebFilter.class.getName() + ".observation";

	private static final CloudEventReceiveObservationConvention DEFAULT_CONVENTION = new DefaultCloudEventReceiveObservationConvention();

	private final ObservationRegistry registry;

	private final CloudEventHttpBinding binding;

	private @Nullable CloudEventReceiveObservationConvention convention;

	/**
	 * Create a filter.
	 * @param registry the registry to observe with
	 * @param binding the binding that tells the content mode of a request
	 */
	public CloudEventObservationWebFilter(ObservationRegistry registry, CloudEventHttpBinding binding) {
		this.registry = registry;
		this.binding = binding;
	}

	/**
	 * Set the convention to use instead of
	 * {@link DefaultCloudEventReceiveObservationConvention}.
	 * @param convention the convention
	 */
	public void setObservationConvention(CloudEventReceiveObservationConvention convention) {
		this.convention = convention;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (this.registry.isNoop()) {
			return chain.filter(exchange);
		}
		return Mono.deferContextual((reactorContext) -> {
			Observation parent = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			ReceiveObservation receive = new ReceiveObservation(exchange, parent);
			exchange.getAttributes().put(OBSERVATION_ATTRIBUTE, receive);
			// stopped before the server hears of the outcome
			return chain.filter(exchange)
				.doOnSuccess((done) -> receive.stop(null, false))
				.doOnError((ex) -> receive.stop(ex, false))
				.doOnCancel(() -> receive.stop(null, true));
		});
	}

	/**
	 * Whether an exchange is observed.
	 */
	static boolean isObserved(ServerWebExchange exchange) {
		return exchange.getAttribute(OBSERVATION_ATTRIBUTE) != null;
	}

	/**
	 * Mark an exchange, if it is observed, as one whose handler takes events: it is
	 * observed even if they cannot be read.
	 */
	static void readingEvents(ServerWebExchange exchange) {
		if (exchange.getAttribute(OBSERVATION_ATTRIBUTE) instanceof ReceiveObservation receive) {
			receive.readingEvents = true;
		}
	}

	/**
	 * Start observing an exchange, if it is observed, with the events read for it.
	 */
	@SuppressWarnings("unchecked")
	static void eventsRead(ServerWebExchange exchange, Object read) {
		if (exchange.getAttribute(OBSERVATION_ATTRIBUTE) instanceof ReceiveObservation receive) {
			if (read instanceof CloudEvent event) {
				receive.context.setEvents(List.of(event));
			}
			else if (read instanceof List<?> events) {
				receive.context.setEvents((List<CloudEvent>) events);
			}
			receive.start();
		}
	}

	private final class ReceiveObservation {

		private final ServerWebExchange exchange;

		private final @Nullable Observation parent;

		private final CloudEventReceiveContext context = new CloudEventReceiveContext("http");

		private @Nullable Observation observation;

		private volatile boolean readingEvents;

		ReceiveObservation(ServerWebExchange exchange, @Nullable Observation parent) {
			this.exchange = exchange;
			this.parent = parent;
		}

		// started once the events are read, so that a tracer can link the traces their
		// traceparent extensions name to the span as it creates it
		synchronized void start() {
			if (this.observation != null) {
				return;
			}
			HttpHeaders headers = this.exchange.getRequest().getHeaders();
			this.context.setTransportTraceparent(headers.getFirst(TraceContextExtension.TRACEPARENT));
			this.context.setContentMode(CloudEventObservationWebFilter.this.binding.contentMode(headers));
			this.context.setBatch(CloudEventObservationWebFilter.this.binding.isBatch(headers));
			this.observation = CloudEventsObservationDocumentation.RECEIVE
				.observation(CloudEventObservationWebFilter.this.convention, DEFAULT_CONVENTION, () -> this.context,
						CloudEventObservationWebFilter.this.registry)
				.parentObservation(this.parent)
				.start();
		}

		synchronized void stop(@Nullable Throwable error, boolean cancelled) {
			if (!this.readingEvents) {
				return;
			}
			// once only, whichever signal comes first
			this.readingEvents = false;
			start();
			Observation observation = this.observation;
			// an error is answered by an exception handler after this filter: its status
			// is the error's
			HttpStatusCode status = (error instanceof ErrorResponse response) ? response.getStatusCode()
					: this.exchange.getResponse().getStatusCode();
			this.context.setStatus((status != null) ? status.value() : null);
			if (error != null) {
				observation.error(error);
			}
			else if (cancelled) {
				observation.event(Observation.Event.of("cancelled"));
			}
			observation.stop();
		}

	}

}
