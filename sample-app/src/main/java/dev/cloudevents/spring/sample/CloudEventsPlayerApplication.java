package dev.cloudevents.spring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The CloudEvents Player: receives, lists, composes and sends CloudEvents.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CloudEventsPlayerApplication {

	public static void main(String[] args) {
		SpringApplication.run(CloudEventsPlayerApplication.class, args);
	}

}
