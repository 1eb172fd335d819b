package dev.cloudevents.spring.test;

import java.util.Map;
import java.util.Objects;

import org.assertj.core.api.AbstractObjectAssert;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * AssertJ assertions on the RFC 9457 problem a receiver answers an event it rejects with,
 * obtained from {@link CloudEventResponseAssert#isProblem()}: <pre class="code">
 * assertThat(result.getResponse()).isProblem().hasStatus(400).namesAttribute("source");
 * </pre>
 */
public class CloudEventProblemAssert extends AbstractObjectAssert<CloudEventProblemAssert, ProblemDetail> {

	/**
	 * Create assertions on a problem; prefer
	 * {@link CloudEventResponseAssert#isProblem()}.
	 * @param actual the problem
	 */
	public CloudEventProblemAssert(ProblemDetail actual) {
		super(actual, CloudEventProblemAssert.class);
	}

	/**
	 * Verify the problem's status.
	 * @param expected the expected status code
	 * @return this
	 */
	public CloudEventProblemAssert hasStatus(int expected) {
		if (this.actual.getStatus() != expected) {
			throw failureWithActualExpected(this.actual.getStatus(), expected,
					"%nExpecting problem to have status %s but was %s%nin:%n  %s", expected, this.actual.getStatus(),
					this.actual);
		}
		return this;
	}

	/**
	 * Verify the problem's status.
	 * @param expected the expected status
	 * @return this
	 */
	public CloudEventProblemAssert hasStatus(HttpStatusCode expected) {
		return hasStatus(expected.value());
	}

	/**
	 * Verify that the problem is about the given attribute: its {@code attribute}
	 * property names it, as the library's problems about one attribute do.
	 * @param attribute the attribute name
	 * @return this
	 */
	public CloudEventProblemAssert namesAttribute(String attribute) {
		Map<String, Object> properties = this.actual.getProperties();
		Object named = (properties != null) ? properties.get("attribute") : null;
		if (!Objects.equals(named, attribute)) {
			throw failureWithActualExpected(named, attribute,
					"%nExpecting problem to name the attribute %s but it names %s%nin:%n  %s", quote(attribute),
					(named != null) ? quote(named.toString()) : "none", this.actual);
		}
		return this;
	}

	/**
	 * Verify that the problem's {@code detail} contains the given text.
	 * @param text the text
	 * @return this
	 */
	public CloudEventProblemAssert hasDetailContaining(String text) {
		String detail = this.actual.getDetail();
		if (detail == null || !detail.contains(text)) {
			throw failure("%nExpecting problem detail to contain:%n  %s%nbut was:%n  %s%nin:%n  %s", quote(text),
					(detail != null) ? quote(detail) : "no detail", this.actual);
		}
		return this;
	}

	private static String quote(String text) {
		return "\"" + text + "\"";
	}

}
