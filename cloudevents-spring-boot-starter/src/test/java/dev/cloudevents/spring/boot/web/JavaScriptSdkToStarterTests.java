package dev.cloudevents.spring.boot.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.SpecVersion;
import dev.cloudevents.spring.boot.web.EventsApplication.Inbox;
import dev.cloudevents.spring.interop.NodePeer;
import dev.cloudevents.spring.json.JsonEventFormat;
import dev.cloudevents.spring.web.Order;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudEvents JavaScript SDK, driven by core's {@link NodePeer}, sends to a servlet
 * application that has only the starter.
 */
@SpringBootTest(classes = EventsApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class JavaScriptSdkToStarterTests {

	private static final String EVENT = """
			{"specversion":"%s","id":"js-%s","source":"https://example.com/orders",
			"type":"com.example.order.created","subject":"order-7","traceparent":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
			"datacontenttype":"application/json","data":{"id":"7","quantity":2}}""";

	@LocalServerPort
	private int port;

	@Autowired
	private Inbox inbox;

	@ParameterizedTest
	@CsvSource({ "binary, 1.0", "structured, 1.0", "binary, 0.3", "structured, 0.3" })
	void controllerReceivesWhatTheJavaScriptSdkSends(String mode, String specVersion) throws IOException {
		this.inbox.deliveries.clear();
		String id = mode + "-" + specVersion;
		NodePeer.SendResult result = NodePeer.create()
			.send(URI.create("http://127.0.0.1:" + this.port + "/events"), mode, EVENT.formatted(specVersion, id));
		assertThat(result.error()).isNull();
		assertThat(result.status()).as(result.body()).isEqualTo(202);
		assertThat(this.inbox.deliveries).singleElement().satisfies((delivery) -> {
			assertThat(delivery.mode()).isEqualTo(ContentMode.valueOf(mode.toUpperCase(Locale.ROOT)));
			CloudEvent event = (CloudEvent) delivery.received();
			assertThat(event.specVersion()).isEqualTo(SpecVersion.of(specVersion));
			assertThat(event.id()).isEqualTo("js-" + id);
			assertThat(event.subject()).isEqualTo("order-7");
			assertThat(event.extension("traceparent"))
				.isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
			assertThat(new JsonEventFormat().dataAs(event, Order.class)).isEqualTo(new Order("7", 2));
		});
	}

}
