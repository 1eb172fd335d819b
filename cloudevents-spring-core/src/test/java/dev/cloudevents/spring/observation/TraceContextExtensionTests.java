package dev.cloudevents.spring.observation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cloudevents.spring.CloudEvent;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextExtensionTests {

	private static final String CURRENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	private static final String STARTING = "00-0af7651916cd43dd8448eb211c80319c-b9c7c989f97918e1-01";

	@Test
	void traceContextIsAddedToEventsWithoutOne() {
		List<CloudEvent> events = TraceContextExtension.addWhereMissing(List.of(event(null)),
				Map.of("traceparent", CURRENT, "tracestate", "rojo=1"));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.extension("traceparent")).isEqualTo(CURRENT);
			assertThat(event.extension("tracestate")).isEqualTo("rojo=1");
			assertThat(event.id()).isEqualTo("1");
		});
	}

	@Test
	void existingTraceparentIsNeverOverwrittenNorItsTracestateAdded() {
		CloudEvent started = event(STARTING);
		List<CloudEvent> events = TraceContextExtension.addWhereMissing(List.of(started, event(null)),
				Map.of("traceparent", CURRENT, "tracestate", "rojo=1"));
		assertThat(events.get(0)).isSameAs(started);
		assertThat(events.get(0).extension("tracestate")).isNull();
		assertThat(events.get(1).extension("traceparent")).isEqualTo(CURRENT);
	}

	@Test
	void nothingIsAddedWithoutATraceparent() {
		List<CloudEvent> events = List.of(event(null));
		assertThat(TraceContextExtension.addWhereMissing(events, Map.of("tracestate", "rojo=1"))).isSameAs(events);
	}

	@Test
	void eventTraceparentThatDiffersFromTheTransportsIsToBeLinked() {
		assertThat(TraceContextExtension.differingFrom(List.of(event(STARTING)), CURRENT)).containsExactly(STARTING);
		assertThat(TraceContextExtension.differingFrom(List.of(event(STARTING)), null)).containsExactly(STARTING);
	}

	@Test
	void eventTraceparentOfTheTransportsTraceIsNotLinkedWhateverItsSpanAndFlags() {
		String sameTraceOtherSpan = STARTING.substring(0, 36) + "00f067aa0ba902b7-00";
		assertThat(TraceContextExtension.differingFrom(List.of(event(STARTING)), sameTraceOtherSpan)).isEmpty();
		assertThat(TraceContextExtension.differingFrom(List.of(event(null)), CURRENT)).isEmpty();
	}

	@Test
	void batchLinksEachDistinctTraceOnce() {
		assertThat(TraceContextExtension.differingFrom(List.of(event(STARTING), event(STARTING), event(CURRENT)), null))
			.containsExactly(STARTING, CURRENT);
	}

	private static CloudEvent event(String traceparent) {
		return CloudEvent.builder().id("1").source("/s").type("t").extension("traceparent", traceparent).build();
	}

}
