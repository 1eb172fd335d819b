/**
 * End-to-end receiver for wrk, Spring WebFlux.
 */
@NullMarked
package dev.cloudevents.spring.benchmarks.e2e.webflux;

import org.jspecify.annotations.NullMarked;
