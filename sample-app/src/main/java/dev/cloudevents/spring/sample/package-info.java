/**
 * The CloudEvents Player: a web app that receives, lists, composes and sends CloudEvents.
 */
@NullMarked
package dev.cloudevents.spring.sample;

import org.jspecify.annotations.NullMarked;
