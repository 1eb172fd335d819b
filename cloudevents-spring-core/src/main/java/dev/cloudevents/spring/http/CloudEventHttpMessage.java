package dev.cloudevents.spring.http;

import org.springframework.http.HttpHeaders;

/**
 * An HTTP message that carries one or more CloudEvents: its headers and its body.
 *
 * @param headers the headers, including {@code Content-Type}
 * @param body the body bytes
 * @since 0.1.0
 */
public record CloudEventHttpMessage(HttpHeaders headers, byte[] body) {

}
