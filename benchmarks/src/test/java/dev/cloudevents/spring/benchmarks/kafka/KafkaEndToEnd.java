package dev.cloudevents.spring.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

/**
 * End-to-end throughput of CloudEvents over Kafka, next to the floor of the same records
 * as raw {@code byte[]} values, in one Boot application on the embedded KRaft broker:
 * <ul>
 * <li>events: {@link KafkaCloudEventTemplate#send(String, CloudEvent)} in binary mode, a
 * {@code @KafkaListener} taking a {@link CloudEvent};</li>
 * <li>raw: Boot's {@link KafkaTemplate} sends the value and headers the binding writes
 * for that event (built once; only {@code ce_id} changes), a {@code @KafkaListener}
 * taking the {@code byte[]} value and the {@code ce_id} header.</li>
 * </ul>
 * A phase's time runs from its first send to the moment its last distinct id is consumed;
 * producer and consumer run at once. Every id is counted in a bit set: a phase passes
 * only when every event is consumed exactly once and every send acknowledged
 * ({@code acks=all}). Run by {@code benchmarks/kafka-e2e.sh}; system properties
 * {@code events}, {@code warmup}, {@code rounds}, {@code partitions},
 * {@code phase.timeout} (seconds).
 */
public final class KafkaEndToEnd {

	static final String EVENTS_TOPIC = "load-cloudevents";

	static final String RAW_TOPIC = "load-raw";

	private KafkaEndToEnd() {
	}

	public static void main(String[] args) throws Exception {
		int events = Integer.getInteger("events", 1_000_000);
		int warmup = Integer.getInteger("warmup", Math.min(events / 5, 200_000));
		int rounds = Integer.getInteger("rounds", 2);
		int partitions = Integer.getInteger("partitions", 4);
		Duration timeout = Duration.ofSeconds(Long.getLong("phase.timeout", 240));
		boolean passed;
		try (EmbeddedBroker broker = new EmbeddedBroker(Map.of())) {
			broker.createTopic(EVENTS_TOPIC, partitions);
			broker.createTopic(RAW_TOPIC, partitions);
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoadApplication.class)
				.web(WebApplicationType.NONE)
				.properties(Map.of("spring.kafka.bootstrap-servers", broker.bootstrapServers(),
						"spring.kafka.consumer.auto-offset-reset", "earliest",
						"spring.kafka.consumer.value-deserializer",
						"org.apache.kafka.common.serialization.ByteArrayDeserializer",
						"spring.kafka.producer.value-serializer",
						"org.apache.kafka.common.serialization.ByteArraySerializer", "spring.kafka.producer.acks",
						"all", "spring.main.banner-mode", "off"))
				.run()) {
				passed = new KafkaEndToEnd.Run(context, events, warmup, rounds, partitions, timeout).run();
			}
		}
		System.exit(passed ? 0 : 1);
	}

	private record Run(ConfigurableApplicationContext context, int events, int warmup, int rounds, int partitions,
			Duration timeout) {

		boolean run() throws InterruptedException {
			LoadListeners listeners = this.context.getBean(LoadListeners.class);
			KafkaCloudEventTemplate template = this.context.getBean(KafkaCloudEventTemplate.class);
			@SuppressWarnings("unchecked")
			KafkaTemplate<Object, Object> kafkaTemplate = this.context.getBean(KafkaTemplate.class);
			RawRecords raw = new RawRecords(this.context.getBean(CloudEventKafkaBinding.class));
			Path events = new Path("CloudEvent", listeners.events,
					(sequence) -> template.send(EVENTS_TOPIC, LoadEvents.event(sequence)));
			Path bytes = new Path("raw byte[]", listeners.raw, (sequence) -> kafkaTemplate.send(raw.record(sequence)));
			System.err.printf("load before: %s%n", loadAverage());
			int next = 0;
			boolean passed = true;
			// both paths warm up before either is measured: they share the broker and the
			// JIT
			if (this.warmup > 0) {
				passed &= bytes.phase(next, this.warmup, this.timeout, "warm-up") >= 0;
				passed &= events.phase(next, this.warmup, this.timeout, "warm-up") >= 0;
				next += this.warmup;
			}
			// interleaved rounds, so that load from elsewhere on the machine spreads over
			// both
			for (int round = 1; round <= this.rounds; round++) {
				passed &= bytes.measure(next, this.events, this.timeout, "round " + round);
				passed &= events.measure(next, this.events, this.timeout, "round " + round);
				next += this.events;
			}
			System.err.printf("load after: %s%n", loadAverage());
			summary(List.of(bytes, events));
			return passed && bytes.clean() && events.clean();
		}

		private void summary(List<Path> paths) {
			System.out.println();
			System.out.printf(
					"%,d events per round, %d round(s) after %,d warm-up events per path, %d partitions, acks=all, embedded KRaft broker%n",
					this.events, this.rounds, this.warmup, this.partitions);
			System.out.println();
			System.out.println(
					"| path | events/s (median) | rounds | sent | acknowledged | failed sends | lost | duplicated |");
			System.out.println("|---|---:|---|---:|---:|---:|---:|---:|");
			for (Path path : paths) {
				System.out.printf("| %s | %.0f | %s | %,d | %,d | %,d | %,d | %,d |%n", path.name, path.median(),
						path.rates, path.sent, path.acknowledged.get(), path.failed.get(), path.lost,
						path.tally.duplicates());
			}
			System.out.printf("%nratio CloudEvent / raw byte[]: %.2f%n", paths.get(1).median() / paths.get(0).median());
		}

		private static String loadAverage() {
			return String.format("%.2f",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}

	}

	/** One way of sending and receiving, with its tally and figures. */
	private static final class Path {

		final String name;

		final IdTally tally;

		final IntFunction<CompletableFuture<?>> send;

		final AtomicLong acknowledged = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		final List<Long> rates = new ArrayList<>();

		long sent;

		long lost;

		Path(String name, IdTally tally, IntFunction<CompletableFuture<?>> send) {
			this.name = name;
			this.tally = tally;
			this.send = send;
		}

		boolean measure(int from, int count, Duration timeout, String label) throws InterruptedException {
			double rate = phase(from, count, timeout, label);
			if (rate < 0) {
				return false;
			}
			this.rates.add(Math.round(rate));
			return true;
		}

		/**
		 * @return events per second, or -1 if not every event arrived in time
		 */
		double phase(int from, int count, Duration timeout, String label) throws InterruptedException {
			this.tally.expect(this.tally.distinct() + count);
			long cpuStart = processCpuTime();
			long start = System.nanoTime();
			for (int sequence = from; sequence < from + count; sequence++) {
				this.send.apply(sequence).whenComplete((result, ex) -> {
					if (ex != null) {
						this.failed.incrementAndGet();
					}
					else {
						this.acknowledged.incrementAndGet();
					}
				});
			}
			this.sent += count;
			long reached = this.tally.await(timeout);
			int missing = this.tally.missing(from, from + count);
			if (reached < 0) {
				this.lost += missing;
				System.err.printf("%-10s %-8s %,d of %,d events not consumed within %s%n", this.name, label, missing,
						count, timeout);
				return -1;
			}
			double rate = count / ((reached - start) / 1e9);
			// CPU time of the whole process (producer, broker, consumer) per event:
			// steadier
			// than the rate when other processes load the machine
			double cpuPerEvent = (processCpuTime() - cpuStart) / 1e3 / count;
			System.err.printf("%-10s %-8s %,10.0f events/s %6.1f us CPU/event%n", this.name, label, rate, cpuPerEvent);
			return rate;
		}

		private static long processCpuTime() {
			return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
		}

		double median() {
			List<Long> sorted = this.rates.stream().sorted().toList();
			if (sorted.isEmpty()) {
				return Double.NaN;
			}
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
		}

		boolean clean() {
			// every send has completed once every event was consumed, but the callback
			// may lag
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (this.acknowledged.get() + this.failed.get() < this.sent && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			return this.lost == 0 && this.tally.duplicates() == 0 && this.failed.get() == 0
					&& this.acknowledged.get() == this.sent;
		}

	}

	/**
	 * The records the binding writes for the load event, built once: the raw path
	 * measures Kafka and Spring Kafka, not the binding.
	 */
	private static final class RawRecords {

		private final List<Header> headers = new ArrayList<>();

		private final byte[] value;

		RawRecords(CloudEventKafkaBinding binding) {
			RecordHeaders written = new RecordHeaders();
			byte[] value = binding.write(LoadEvents.event(0), ContentMode.BINARY, written);
			if (value == null) {
				throw new IllegalStateException("The load event has data");
			}
			this.value = value;
			written.forEach(this.headers::add);
		}

		ProducerRecord<Object, Object> record(int sequence) {
			RecordHeaders headers = new RecordHeaders();
			for (Header header : this.headers) {
				headers.add(
						header.key().equals("ce_id") ? new RecordHeader("ce_id", Sequences.idBytes(sequence)) : header);
			}
			return new ProducerRecord<>(RAW_TOPIC, null, (Object) null, this.value, headers);
		}

	}

	/** The two listeners, each counting the ids it receives. */
	static final class LoadListeners {

		final IdTally events = new IdTally();

		final IdTally raw = new IdTally();

		@KafkaListener(topics = EVENTS_TOPIC, groupId = "load-cloudevents")
		void on(CloudEvent event) {
			this.events.record(Sequences.parse(event.id()));
		}

		@KafkaListener(topics = RAW_TOPIC, groupId = "load-raw")
		void on(byte[] value, @org.springframework.messaging.handler.annotation.Header("ce_id") byte[] id) {
			this.raw.record(Sequences.parse(id));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LoadApplication {

		@Bean
		LoadListeners loadListeners() {
			return new LoadListeners();
		}

	}

}
