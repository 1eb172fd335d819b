package dev.cloudevents.spring.kafka.listener;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.listener.adapter.HandlerAdapter;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint of a listener method that takes events wraps its invocation only when
 * there is something to observe.
 */
class ObservedKafkaListenerEndpointTests {

	@Test
	void withoutObservationRegistryTheMethodIsInvokedAsSpringKafkaInvokesIt() throws Exception {
		assertThat(adapter(ObservationRegistry.NOOP)).isExactlyInstanceOf(HandlerAdapter.class);
		assertThat(adapter(ObservationRegistry.create())).isExactlyInstanceOf(HandlerAdapter.class);
	}

	@Test
	void withAnObservingRegistryTheInvocationIsObserved() throws Exception {
		assertThat(adapter(TestObservationRegistry.create())).isExactlyInstanceOf(CloudEventHandlerAdapter.class);
	}

	private static HandlerAdapter adapter(ObservationRegistry registry) throws Exception {
		ObservedKafkaListenerEndpoint<Object, Object> endpoint = new ObservedKafkaListenerEndpoint<>(
				() -> new ListenerSupport(new RecordEvents(new CloudEventKafkaBinding()), registry, null));
		endpoint.setBean(new Listener());
		endpoint.setMethod(Listener.class.getDeclaredMethod("on", CloudEvent.class));
		DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
		factory.afterPropertiesSet();
		endpoint.setMessageHandlerMethodFactory(factory);
		return endpoint.configureListenerAdapter(null);
	}

	static class Listener {

		void on(CloudEvent event) {
		}

	}

}
