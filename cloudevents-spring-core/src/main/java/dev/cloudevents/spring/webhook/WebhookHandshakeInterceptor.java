package dev.cloudevents.spring.webhook;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.cloudevents.spring.web.CloudEventRequestException;

/**
 * Applies a {@link WebhookHandshake} to the Spring MVC handler methods that
 * {@linkplain CloudEventEndpoints receive CloudEvents}. An {@code OPTIONS} request with a
 * {@value WebhookHandshake#REQUEST_ORIGIN} header to a path where a {@code POST} reaches
 * such a method gets the consent headers of an allowed origin, and Spring MVC answers it
 * as usual, with 200 and an {@code Allow} header listing {@code POST}. A delivery to such
 * a method whose {@value WebhookHandshake#REQUEST_ORIGIN} is not allowed is refused with
 * a {@link CloudEventRequestException} (403), before the body is read; deliveries without
 * the header are not webhook deliveries and pass. Other requests are left alone.
 * <p>
 * Register it with {@code WebMvcConfigurer.addInterceptors}.
 *
 * @since 0.1.0
 */
public class WebhookHandshakeInterceptor implements HandlerInterceptor {

	private final WebhookHandshake handshake;

	private final Supplier<RequestMappingHandlerMapping> handlerMapping;

	/**
	 * Create an interceptor.
	 * @param handshake the policy
	 * @param handlerMapping the mapping of the annotated controllers, asked where a
	 * {@code POST} would go; a supplier, as the mapping is built with this interceptor
	 */
	public WebhookHandshakeInterceptor(WebhookHandshake handshake,
			Supplier<RequestMappingHandlerMapping> handlerMapping) {
		this.handshake = handshake;
		this.handlerMapping = handlerMapping;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String origin = request.getHeader(WebhookHandshake.REQUEST_ORIGIN);
		if (origin == null) {
			return true;
		}
		if (HttpMethod.OPTIONS.matches(request.getMethod())) {
			if (postReceivesEvents(request)) {
				this.handshake.consent(origin).forEach((name, values) -> response.setHeader(name, values.get(0)));
			}
			return true;
		}
		if (handler instanceof HandlerMethod handlerMethod && CloudEventEndpoints.receivesEvents(handlerMethod)
				&& !this.handshake.allows(origin)) {
			throw CloudEventRequestException.originNotAllowed(origin);
		}
		return true;
	}

	private boolean postReceivesEvents(HttpServletRequest request) {
		HttpServletRequest post = new HttpServletRequestWrapper(request) {

			@Override
			public String getMethod() {
				return HttpMethod.POST.name();
			}

		};
		try {
			HandlerExecutionChain chain = this.handlerMapping.get().getHandler(post);
			return chain != null && chain.getHandler() instanceof HandlerMethod handlerMethod
					&& CloudEventEndpoints.receivesEvents(handlerMethod);
		}
		catch (CloudEventRequestException ex) {
			// methods routed by event type are there, for events that a POST without a
			// body does not carry
			return true;
		}
		catch (Exception ex) {
			// a POST without a body would not reach the handler (415, for example)
			return false;
		}
	}

}
