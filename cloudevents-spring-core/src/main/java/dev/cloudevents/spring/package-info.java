/**
 * The CloudEvents model: {@link dev.cloudevents.spring.CloudEvent} and its builder, spec
 * versions and validation.
 */
@NullMarked
package dev.cloudevents.spring;

import org.jspecify.annotations.NullMarked;
