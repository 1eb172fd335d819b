package dev.cloudevents.spring.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the test applications' converter and reader decoded, in order: one entry per read
 * of a request body.
 */
public final class Decoded {

	private final List<Object> results = new CopyOnWriteArrayList<>();

	/**
	 * Record the result of one read.
	 * @param result the event or events read
	 */
	public void record(Object result) {
		this.results.add(result);
	}

	/**
	 * Return the result of every read.
	 * @return the results
	 */
	public List<Object> results() {
		return List.copyOf(this.results);
	}

	/**
	 * Forget everything.
	 */
	public void clear() {
		this.results.clear();
	}

}
