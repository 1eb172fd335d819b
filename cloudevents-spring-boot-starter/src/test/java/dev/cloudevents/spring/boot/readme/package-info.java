/**
 * The README's Java snippets, compiled and run, so that they cannot rot.
 */
@NullMarked
package dev.cloudevents.spring.boot.readme;

import org.jspecify.annotations.NullMarked;
