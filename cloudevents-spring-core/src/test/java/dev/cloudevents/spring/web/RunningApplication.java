package dev.cloudevents.spring.web;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.cloudevents.spring.mvc.MvcTestApplication;
import dev.cloudevents.spring.webflux.WebFluxTestApplication;

/**
 * A test application running on a random port, for tests whose framework (jqwik) or shape
 * (both stacks in one class) rules out {@code @SpringBootTest}.
 */
public enum RunningApplication {

	/** {@link MvcTestApplication} on Tomcat. */
	MVC(MvcTestApplication.class, WebApplicationType.SERVLET),

	/** {@link WebFluxTestApplication} on Netty. */
	WEBFLUX(WebFluxTestApplication.class, WebApplicationType.REACTIVE);

	private final Class<?> application;

	private final WebApplicationType type;

	private ConfigurableApplicationContext context;

	RunningApplication(Class<?> application, WebApplicationType type) {
		this.application = application;
		this.type = type;
	}

	/**
	 * Start the application unless it runs, and return its port.
	 * @return the port
	 */
	public synchronized int port() {
		if (this.context == null) {
			this.context = new SpringApplicationBuilder(this.application).web(this.type)
				.properties("server.port=0", "spring.main.banner-mode=off")
				.run();
		}
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	/**
	 * Stop the application if it runs.
	 */
	public synchronized void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

}
