/**
 * Support shared by this project's bindings and adapters (HTTP, Spring MVC, WebFlux, the
 * templates, Kafka): not for applications. The types are public only because Java has no
 * friend packages, and may change in any release.
 */
@NullMarked
package dev.cloudevents.spring.support;

import org.jspecify.annotations.NullMarked;
