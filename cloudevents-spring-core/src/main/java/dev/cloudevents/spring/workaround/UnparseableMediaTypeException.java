package dev.cloudevents.spring.workaround;

import java.net.URI;

import org.springframework.http.HttpStatus;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * A media-type header that the running Spring Framework fails to parse: 400, naming the
 * header.
 */
final class UnparseableMediaTypeException extends CloudEventRequestException {

	UnparseableMediaTypeException(String header, String value) {
		super(HttpStatus.BAD_REQUEST, URI.create("about:blank"), null,
				"The " + header + " header '" + value + "' cannot be parsed", null);
		getBody().setProperty("header", header);
	}

}
