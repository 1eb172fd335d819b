package dev.cloudevents.spring.web;

import dev.cloudevents.spring.CloudEvent;

/**
 * Events and raw messages shared by the web tests.
 */
public final class TestEvents {

	/** Structured 1.0 event with JSON order data. */
	public static final String STRUCTURED_1_0 = """
			{"specversion":"1.0","id":"s-1","source":"https://example.com/orders","type":"com.example.order.created",
			"datacontenttype":"application/json","data":{"id":"42","quantity":3}}""";

	/** Structured 0.3 event with JSON order data. */
	public static final String STRUCTURED_0_3 = """
			{"specversion":"0.3","id":"s-3","source":"https://example.com/orders","type":"com.example.order.created",
			"datacontenttype":"application/json","data":{"id":"43","quantity":4}}""";

	/** Batch of two 1.0 events. */
	public static final String BATCH = """
			[{"specversion":"1.0","id":"b-1","source":"/s","type":"t","data":{"id":"1","quantity":1}},
			{"specversion":"1.0","id":"b-2","source":"/s","type":"t"}]""";

	/** JSON order data of binary-mode requests. */
	public static final String ORDER_JSON = "{\"id\":\"42\",\"quantity\":3}";

	/** The order in {@link #ORDER_JSON}. */
	public static final Order ORDER = new Order("42", 3);

	private TestEvents() {
	}

	/**
	 * Return a 1.0 event with order data.
	 * @param id the event id
	 * @return the event
	 */
	public static CloudEvent orderEvent(String id) {
		return CloudEvent.builder()
			.id(id)
			.source("https://example.com/orders")
			.type("com.example.order.created")
			.data("application/json", ORDER_JSON.getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.build();
	}

}
