/**
 * Auto-configuration of CloudEvents over Apache Kafka with Spring Kafka.
 */
@NullMarked
package dev.cloudevents.spring.boot.autoconfigure.kafka;

import org.jspecify.annotations.NullMarked;
