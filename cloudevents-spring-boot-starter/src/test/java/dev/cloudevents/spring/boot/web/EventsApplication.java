package dev.cloudevents.spring.boot.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

/**
 * An application with only the starter's auto-configuration, for Spring MVC and WebFlux
 * alike: {@link EventController} takes {@code CloudEvent} parameters with no wiring of
 * its own.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(EventController.class)
class EventsApplication {

	@Bean
	Inbox inbox() {
		return new Inbox();
	}

	/**
	 * What the controller received, with the content mode it arrived in (null for a
	 * batch).
	 */
	static final class Inbox {

		final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

		void add(ContentMode mode, Object received) {
			this.deliveries.add(new Delivery(mode, received));
		}

	}

	record Delivery(ContentMode mode, Object received) {

	}

}
