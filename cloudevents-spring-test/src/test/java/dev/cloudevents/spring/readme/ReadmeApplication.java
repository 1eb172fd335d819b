package dev.cloudevents.spring.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the README's tests find.
 */
@SpringBootApplication(proxyBeanMethods = false)
class ReadmeApplication {

}
