package dev.cloudevents.spring.web;

/**
 * Typed event data of the web tests.
 *
 * @param id the order id
 * @param quantity how many
 */
public record Order(String id, int quantity) {

}
