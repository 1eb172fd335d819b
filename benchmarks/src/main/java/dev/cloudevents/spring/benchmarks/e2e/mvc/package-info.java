/**
 * End-to-end receiver for wrk, Spring MVC.
 */
@NullMarked
package dev.cloudevents.spring.benchmarks.e2e.mvc;

import org.jspecify.annotations.NullMarked;
