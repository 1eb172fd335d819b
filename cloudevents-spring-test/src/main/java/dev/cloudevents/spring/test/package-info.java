/**
 * Test support for CloudEvents in Spring: requests, assertions and a capturing target.
 */
@NullMarked
package dev.cloudevents.spring.test;

import org.jspecify.annotations.NullMarked;
