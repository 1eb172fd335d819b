package dev.cloudevents.spring.benchmarks.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.kafka.CloudEventDeserializer;
import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

/**
 * Fault run (b): a producer whose broker connection drops mid-run. The broker advertises
 * a {@link TcpProxy} in front of it, so every client connection goes through the proxy.
 * {@link KafkaCloudEventTemplate} sends at a steady rate; after {@code cut.at} seconds
 * the proxy closes every connection and refuses new ones for {@code outage} seconds,
 * longer than the producer's {@code delivery.timeout.ms}, so that some sends fail; then
 * it listens again. Every send's outcome is recorded by id; at the end a consumer reads
 * the whole topic with our {@link CloudEventDeserializer}: every acknowledged send must
 * be there. Run by {@code benchmarks/kafka-faults.sh}; system properties {@code events},
 * {@code rate} (events/s), {@code cut.at} and {@code outage} (seconds),
 * {@code delivery.timeout.ms}.
 */
public final class KafkaProducerFault {

	private static final String TOPIC = "fault-producer";

	private KafkaProducerFault() {
	}

	public static void main(String[] args) throws Exception {
		int events = Integer.getInteger("events", 20_000);
		int rate = Integer.getInteger("rate", 1_000);
		int partitions = Integer.getInteger("partitions", 3);
		double cutAt = Double.parseDouble(System.getProperty("cut.at", "5"));
		double outage = Double.parseDouble(System.getProperty("outage", "12"));
		String deliveryTimeout = System.getProperty("delivery.timeout.ms", "8000");
		boolean passed;
		try (TcpProxy proxy = new TcpProxy();
				EmbeddedBroker broker = new EmbeddedBroker(
						Map.of("advertised.listeners", "EXTERNAL://127.0.0.1:" + proxy.port()))) {
			String direct = broker.bootstrapServers();
			proxy.forwardTo(Integer.parseInt(direct.substring(direct.lastIndexOf(':') + 1)));
			broker.createTopic(TOPIC, partitions);
			String bootstrap = "127.0.0.1:" + proxy.port();
			System.err.printf("broker %s, advertised and reached through the proxy at %s%n", direct, bootstrap);
			passed = run(proxy, bootstrap, events, rate, partitions, cutAt, outage, deliveryTimeout);
		}
		System.exit(passed ? 0 : 1);
	}

	private static boolean run(TcpProxy proxy, String bootstrap, int events, int rate, int partitions, double cutAt,
			double outage, String deliveryTimeout) throws Exception {
		KafkaCloudEventTemplate template = new KafkaCloudEventTemplate(new DefaultKafkaProducerFactory<>(Map.of(
				ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
				"3000", ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000",
				ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000")), new CloudEventKafkaBinding());
		BitSet acknowledged = new BitSet(events);
		BitSet failed = new BitSet(events);
		Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
		List<CompletableFuture<?>> sends = new ArrayList<>(events);
		Pacer pacer = new Pacer(rate);
		boolean cut = false;
		boolean restored = false;
		int sentBeforeCut = 0;
		int sentDuringOutage = 0;
		for (int sequence = 0; sequence < events; sequence++) {
			pacer.awaitTurn(sequence);
			double now = pacer.secondsElapsed();
			if (!cut && now >= cutAt) {
				proxy.cut();
				cut = true;
				sentBeforeCut = sequence;
				System.err.printf("connection cut at %.1f s, %,d sends issued%n", now, sequence);
			}
			if (cut && !restored && now >= cutAt + outage) {
				proxy.restore();
				restored = true;
				sentDuringOutage = sequence - sentBeforeCut;
				System.err.printf("connection restored at %.1f s, %,d sends issued%n", now, sequence);
			}
			int id = sequence;
			CompletableFuture<?> send;
			try {
				send = template.send(TOPIC, LoadEvents.event(sequence));
			}
			catch (RuntimeException ex) {
				// a send that fails at once (no metadata within max.block.ms) is reported
				// too
				send = CompletableFuture.failedFuture(ex);
			}
			sends.add(send.whenComplete((result, ex) -> {
				synchronized (acknowledged) {
					if (ex == null) {
						acknowledged.set(id);
					}
					else {
						failed.set(id);
					}
				}
				if (ex != null) {
					failures.computeIfAbsent(rootCause(ex), (key) -> new AtomicLong()).incrementAndGet();
				}
			}));
		}
		if (!restored) {
			proxy.restore();
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		template.destroy();
		int[] consumed = consumeAll(bootstrap, events);
		return report(events, partitions, cutAt, outage, deliveryTimeout, sentBeforeCut, sentDuringOutage, acknowledged,
				failed, failures, consumed);
	}

	private static int[] consumeAll(String bootstrap, int events) {
		int[] consumed = new int[events];
		try (KafkaConsumer<byte[], CloudEvent> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
						"earliest"),
				new ByteArrayDeserializer(), new CloudEventDeserializer())) {
			List<TopicPartition> partitions = new ArrayList<>();
			for (PartitionInfo info : consumer.partitionsFor(TOPIC)) {
				partitions.add(new TopicPartition(TOPIC, info.partition()));
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Could not read the topic to its end " + end);
				}
				for (ConsumerRecord<byte[], CloudEvent> record : consumer.poll(Duration.ofMillis(200))) {
					consumed[Sequences.parse(record.value().id())]++;
				}
			}
		}
		return consumed;
	}

	private static boolean report(int events, int partitions, double cutAt, double outage, String deliveryTimeout,
			int sentBeforeCut, int sentDuringOutage, BitSet acknowledged, BitSet failed,
			Map<String, AtomicLong> failures, int[] consumed) {
		int ackedLost = 0;
		int failedButStored = 0;
		int duplicates = 0;
		int distinct = 0;
		for (int sequence = 0; sequence < events; sequence++) {
			if (consumed[sequence] > 0) {
				distinct++;
				duplicates += consumed[sequence] - 1;
			}
			if (acknowledged.get(sequence) && consumed[sequence] == 0) {
				ackedLost++;
			}
			if (failed.get(sequence) && consumed[sequence] > 0) {
				failedButStored++;
			}
		}
		int acked = acknowledged.cardinality();
		int failedCount = failed.cardinality();
		System.out.println();
		System.out.printf(
				"%,d events on %d partitions sent with KafkaCloudEventTemplate (acks=all, idempotent producer, delivery.timeout.ms=%s), "
						+ "connection cut after %.0f s for %.0f s: %,d sends issued before the cut, %,d during the outage%n",
				events, partitions, deliveryTimeout, cutAt, outage, sentBeforeCut, sentDuringOutage);
		System.out.println();
		System.out.println(
				"| sends | acknowledged | failed | consumed (distinct) | acknowledged but not consumed | failed but consumed | duplicated |");
		System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		System.out.printf("| %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", events, acked, failedCount, distinct,
				ackedLost, failedButStored, duplicates);
		System.out.println();
		System.out.println("failures: " + new TreeMap<>(failures));
		if (failedCount > 0) {
			System.out.printf("failed ids: %d..%d (ids are issued in order, %,d before the cut)%n",
					failed.nextSetBit(0), failed.previousSetBit(events - 1), sentBeforeCut);
		}
		return acked + failedCount == events && ackedLost == 0;
	}

	private static String rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		// the messages name record counts, partitions and times: group by their kind
		return cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).replaceAll("\\d+", "N");
	}

}
