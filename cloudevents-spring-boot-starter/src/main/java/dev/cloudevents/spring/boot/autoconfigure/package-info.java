/**
 * Auto-configuration for CloudEvents.
 */
@NullMarked
package dev.cloudevents.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
