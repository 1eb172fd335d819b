package dev.cloudevents.spring.boot.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the README's test slices find; each slice keeps only the controller it
 * tests, as the README's receivers share a path.
 */
@SpringBootApplication(proxyBeanMethods = false)
class ReadmeApplication {

}
