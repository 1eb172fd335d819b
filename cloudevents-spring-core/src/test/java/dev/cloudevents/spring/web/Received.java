package dev.cloudevents.spring.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the test controllers received, in order: for the web tests and the interop tests
 * that drive the test servers.
 */
public final class Received {

	private final List<Object> arguments = new CopyOnWriteArrayList<>();

	/**
	 * Record the arguments of one handler invocation.
	 * @param arguments the arguments
	 */
	public void record(Object... arguments) {
		this.arguments.add((arguments.length == 1) ? arguments[0] : List.of(arguments));
	}

	/**
	 * Return the arguments of every invocation, one entry per invocation (a list when the
	 * handler has several arguments).
	 * @return the arguments
	 */
	public List<Object> arguments() {
		return List.copyOf(this.arguments);
	}

	/**
	 * Return how many times a handler was invoked.
	 * @return the number of invocations
	 */
	public int invocations() {
		return this.arguments.size();
	}

	/**
	 * Forget everything.
	 */
	public void clear() {
		this.arguments.clear();
	}

}
