/**
 * The JSON event format: {@code application/cloudevents+json} and
 * {@code application/cloudevents-batch+json}.
 */
@NullMarked
package dev.cloudevents.spring.json;

import org.jspecify.annotations.NullMarked;
