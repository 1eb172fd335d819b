/**
 * A guard against Spring Framework 7.0.8's media-type parser defect
 * (spring-framework#36971, fixed in 7.0.9): delete this package and the starter's
 * {@code UnparseableMediaTypeAutoConfiguration} when Spring Boot's BOM brings 7.0.9.
 */
@NullMarked
package dev.cloudevents.spring.workaround;

import org.jspecify.annotations.NullMarked;
