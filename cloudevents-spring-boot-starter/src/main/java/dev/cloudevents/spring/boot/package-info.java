/**
 * CloudEvents for Spring Boot: callbacks that customize the auto-configured templates.
 */
@NullMarked
package dev.cloudevents.spring.boot;

import org.jspecify.annotations.NullMarked;
