package dev.cloudevents.spring.benchmarks;

import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The floor of every decoder: Jackson 3's streaming parser walking the bytes token by
 * token, building nothing.
 */
public final class TokenLoop {

	private static final JsonFactory factory = new JsonFactory();

	private TokenLoop() {
	}

	/**
	 * Read every token of the JSON and hand it to the blackhole.
	 * @param json the UTF-8 JSON bytes
	 * @param blackhole where the tokens go
	 */
	public static void consume(byte[] json, Blackhole blackhole) {
		try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), json)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				blackhole.consume(token);
			}
		}
	}

}
