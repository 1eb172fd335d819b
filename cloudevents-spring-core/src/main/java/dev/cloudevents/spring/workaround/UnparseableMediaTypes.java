package dev.cloudevents.spring.workaround;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeTypeUtils;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Finds {@code Content-Type} and {@code Accept} values that the running Spring
 * Framework's media-type parser fails on with an unchecked exception other than
 * {@link InvalidMimeTypeException}. Spring Framework 7.0.8 does so for a value that
 * starts with a quote (spring-framework#36971, fixed in 7.0.9), and Spring MVC and
 * WebFlux then answer 500 wherever they read the header: a {@code consumes} or
 * {@code produces} condition of any handler, content negotiation, error rendering. The
 * filters that use this answer 400 first.
 *
 * @see UnparseableMediaTypeFilter
 * @see UnparseableMediaTypeWebFilter
 */
final class UnparseableMediaTypes {

	private UnparseableMediaTypes() {
	}

	/**
	 * Return the exception to answer with if the parser fails unexpectedly on the
	 * {@code Content-Type} or on one of the {@code Accept} values.
	 * @param contentType the {@code Content-Type} as received, if any
	 * @param accept the {@code Accept} values as received, if any
	 * @return a 400 problem naming the header, or {@code null} if both can be parsed or
	 * are rejected by the parser as it should
	 */
	static @Nullable CloudEventRequestException check(@Nullable String contentType, @Nullable Iterable<String> accept) {
		if (contentType != null && fails(contentType, MimeTypeUtils::parseMimeType)) {
			return new UnparseableMediaTypeException(HttpHeaders.CONTENT_TYPE, contentType);
		}
		if (accept != null) {
			for (String value : accept) {
				if (fails(value, MediaType::parseMediaTypes)) {
					return new UnparseableMediaTypeException(HttpHeaders.ACCEPT, value);
				}
			}
		}
		return null;
	}

	private static boolean fails(String value, Consumer<String> parser) {
		// the defect is in the handling of quotes: nearly every request is done here
		if (value.indexOf('"') < 0) {
			return false;
		}
		try {
			parser.accept(value);
			return false;
		}
		catch (InvalidMimeTypeException | InvalidMediaTypeException ex) {
			return false;
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
