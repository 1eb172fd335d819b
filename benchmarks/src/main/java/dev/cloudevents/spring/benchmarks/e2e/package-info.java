/**
 * What the two end-to-end receivers share.
 */
@NullMarked
package dev.cloudevents.spring.benchmarks.e2e;

import org.jspecify.annotations.NullMarked;
