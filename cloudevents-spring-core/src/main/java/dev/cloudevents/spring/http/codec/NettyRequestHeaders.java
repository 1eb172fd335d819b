package dev.cloudevents.spring.http.codec;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.util.ClassUtils;

/**
 * The headers of a request that Reactor Netty received, read from Netty's own headers in
 * one pass. Spring's view of them walks the names through a new set and looks each one up
 * into a new list, which was about half of a binary-mode decode. Loaded only when Reactor
 * Netty is present.
 */
final class NettyRequestHeaders {

	static final boolean present = ClassUtils.isPresent("reactor.netty.http.server.HttpServerRequest",
			NettyRequestHeaders.class.getClassLoader());

	// Spring's request on Reactor Netty, whose headers are the native ones (the class is
	// not public)
	private static final String REACTOR_REQUEST = "org.springframework.http.server.reactive.ReactorServerHttpRequest";

	private NettyRequestHeaders() {
	}

	/**
	 * Copy the headers that pass the filter into the target, or return {@code null} when
	 * the message is not a request as Reactor Netty received it: a request that a filter
	 * mutated or decorated has headers of its own.
	 */
	static @Nullable HttpHeaders copy(ReactiveHttpInputMessage message, HttpHeaders target,
			Predicate<CharSequence> filter) {
		if (!message.getClass().getName().equals(REACTOR_REQUEST)
				|| !(((AbstractServerHttpRequest) message).getNativeRequest() instanceof HttpServerRequest request)) {
			return null;
		}
		for (Iterator<Map.Entry<CharSequence, CharSequence>> entries = request.requestHeaders()
			.iteratorCharSequence(); entries.hasNext();) {
			Map.Entry<CharSequence, CharSequence> entry = entries.next();
			if (filter.test(entry.getKey())) {
				target.add(entry.getKey().toString(), entry.getValue().toString());
			}
		}
		return target;
	}

}
