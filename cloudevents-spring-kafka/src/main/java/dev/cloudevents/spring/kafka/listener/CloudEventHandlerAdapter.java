package dev.cloudevents.spring.kafka.listener;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.kafka.listener.adapter.AdapterUtils;
import org.springframework.kafka.listener.adapter.HandlerAdapter;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.InvalidCloudEventException;
import dev.cloudevents.spring.observation.CloudEventReceiveContext;
import dev.cloudevents.spring.observation.CloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.CloudEventsObservationDocumentation;
import dev.cloudevents.spring.observation.DefaultCloudEventReceiveObservationConvention;
import dev.cloudevents.spring.observation.TraceContextExtension;

/**
 * Invokes a record listener's method with the event read once from the record: the method
 * its {@link EventTypeRoutes} choose for the event's type, or the listener's only method.
 * With an observation registry, each invocation is a
 * {@link CloudEventsObservationDocumentation#RECEIVE cloudevents.receive} observation, a
 * child of Spring Kafka's listener observation when that is on; it starts once the event
 * is read, so that a tracer can link the trace its {@code traceparent} names.
 */
final class CloudEventHandlerAdapter extends HandlerAdapter {

	private static final CloudEventReceiveObservationConvention DEFAULT_CONVENTION = new DefaultCloudEventReceiveObservationConvention();

	private final RecordEvents events;

	private final @Nullable EventTypeRoutes routes;

	private final ObservationRegistry registry;

	private final @Nullable CloudEventReceiveObservationConvention convention;

	private final boolean asyncReplies;

	private final @Nullable MethodParameter batchParameter;

	private CloudEventHandlerAdapter(InvocableHandlerMethod handler, @Nullable EventTypeRoutes routes,
			@Nullable MethodParameter batchParameter, boolean asyncReplies, ListenerSupport support) {
		super(handler);
		this.batchParameter = batchParameter;
		this.events = support.events();
		this.routes = routes;
		this.registry = support.observationRegistry();
		this.convention = support.observationConvention();
		this.asyncReplies = asyncReplies;
	}

	static CloudEventHandlerAdapter observed(InvocableHandlerMethod handler, ListenerSupport support) {
		return new CloudEventHandlerAdapter(handler, null, null, new HandlerAdapter(handler).isAsyncReplies(), support);
	}

	static CloudEventHandlerAdapter observedBatch(InvocableHandlerMethod handler, MethodParameter events,
			ListenerSupport support) {
		return new CloudEventHandlerAdapter(handler, null, events, new HandlerAdapter(handler).isAsyncReplies(),
				support);
	}

	static CloudEventHandlerAdapter routed(EventTypeRoutes routes, ListenerSupport support) {
		List<InvocableHandlerMethod> handlers = routes.handlers();
		boolean asyncReplies = handlers.stream().anyMatch((handler) -> new HandlerAdapter(handler).isAsyncReplies());
		return new CloudEventHandlerAdapter(handlers.get(0), routes, null, asyncReplies, support);
	}

	@Override
	public boolean isAsyncReplies() {
		return this.asyncReplies;
	}

	@Override
	public String getMethodAsString(Object payload) {
		return (this.routes != null) ? "routed by CloudEvent type in " + getBean().getClass().getName()
				: super.getMethodAsString(payload);
	}

	@Override
	public @Nullable Object invoke(Message<?> message, @Nullable Object... providedArgs) throws Exception {
		if (this.batchParameter != null) {
			return invokeBatch(message, this.batchParameter, providedArgs);
		}
		if (this.registry.isNoop()) {
			CloudEvent event;
			try {
				event = this.events.read(message);
			}
			catch (RuntimeException ex) {
				return handleUnreadable(message, ex, providedArgs);
			}
			return handle(message, event, providedArgs);
		}
		CloudEventReceiveContext context = new CloudEventReceiveContext("kafka");
		Headers headers = RecordEvents.recordHeaders(message);
		context.setContentMode(RecordEvents.contentMode(headers));
		Header traceparent = headers.lastHeader(TraceContextExtension.TRACEPARENT);
		if (traceparent != null && traceparent.value() != null) {
			context.setTransportTraceparent(new String(traceparent.value(), StandardCharsets.UTF_8));
		}
		CloudEvent read;
		try {
			read = this.events.read(message);
		}
		catch (RuntimeException ex) {
			// a poison record, observed with the error its invocation ends with
			return observe(context, () -> handleUnreadable(message, ex, providedArgs));
		}
		CloudEvent event = read;
		context.setEvents(List.of(event));
		return observe(context, () -> handle(message, event, providedArgs));
	}

	// the method takes the events before an invalid record, then the error handler hears
	// of
	// it: it commits what the method took and recovers the invalid record alone
	private @Nullable Object invokeBatch(Message<?> message, MethodParameter parameter,
			@Nullable Object... providedArgs) throws Exception {
		RecordEvents.BatchEvents batch = this.events.readBatchUntilInvalid(message, parameter);
		if (this.registry.isNoop()) {
			return invokeBatch(message, batch, providedArgs);
		}
		// one observation for the events of one poll, which carry their own trace
		// contexts
		CloudEventReceiveContext context = new CloudEventReceiveContext("kafka");
		context.setBatch(true);
		context.setEvents(batch.events());
		return observe(context, () -> invokeBatch(message, batch, providedArgs));
	}

	private @Nullable Object invokeBatch(Message<?> message, RecordEvents.BatchEvents batch,
			@Nullable Object... providedArgs) throws Exception {
		RuntimeException failure = batch.failure();
		if (failure != null && batch.events().isEmpty()) {
			throw failure;
		}
		Object result = super.invoke(new DecodedEventMessage(message, batch.events()), providedArgs);
		if (failure != null) {
			throw failure;
		}
		return result;
	}

	private @Nullable Object observe(CloudEventReceiveContext context, Invocation invocation) throws Exception {
		Observation observation = CloudEventsObservationDocumentation.RECEIVE
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			return invocation.invoke();
		}
		catch (Exception ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private @Nullable Object handle(Message<?> message, CloudEvent event, @Nullable Object... providedArgs)
			throws Exception {
		Message<?> decoded = new DecodedEventMessage(message, event);
		if (this.routes == null) {
			return super.invoke(decoded, providedArgs);
		}
		InvocableHandlerMethod handler = this.routes.handlerFor(event);
		if (!EventTypeRoutes.takesMetadata(handler)) {
			return handler.invoke(decoded, providedArgs);
		}
		// as Spring Kafka provides it to a @KafkaHandler method
		Object[] args = new Object[providedArgs.length + 1];
		args[0] = AdapterUtils.buildConsumerRecordMetadataFromArray(providedArgs);
		System.arraycopy(providedArgs, 0, args, 1, providedArgs.length);
		return handler.invoke(decoded, args);
	}

	private @Nullable Object handleUnreadable(Message<?> message, RuntimeException ex, @Nullable Object... providedArgs)
			throws Exception {
		if (this.routes == null) {
			// the method's parameters fail as they do unobserved, naming the parameter
			return super.invoke(message, providedArgs);
		}
		if (ex instanceof InvalidCloudEventException invalid) {
			// what Spring Kafka's ErrorHandlingDeserializer reports, and no error handler
			// retries
			throw new DeserializationException("The record is not a valid CloudEvent: " + invalid.getMessage(),
					(message.getPayload() instanceof byte[] bytes) ? bytes : new byte[0], false, invalid);
		}
		throw ex;
	}

	@FunctionalInterface
	private interface Invocation {

		@Nullable Object invoke() throws Exception;

	}

}
