package dev.cloudevents.spring.benchmarks.kafka;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.kafka.core.DefaultKafkaProducerFactory;

import dev.cloudevents.spring.kafka.CloudEventKafkaBinding;
import dev.cloudevents.spring.kafka.KafkaCloudEventTemplate;

/**
 * Fault run (a): two consumer instances in one group, each a JVM running
 * {@link FaultConsumerApplication}, on a topic with several partitions. Events are sent
 * at a steady rate with {@link KafkaCloudEventTemplate}; once a given share of them has
 * been handled, instance {@code a} is killed with {@code kill -9} (no commit, no leaving
 * the group), and instance {@code b} takes over its partitions after the session
 * time-out. Every event must be handled at least once, counted by id; the events handled
 * twice are counted per partition and checked to be ones that {@code a} handled before it
 * died and {@code b} handled again from the last committed offset. Run by
 * {@code benchmarks/kafka-faults.sh}; system properties {@code events}, {@code rate}
 * (events/s), {@code partitions}, {@code kill.at} (share handled before the kill),
 * {@code session.timeout.ms}, {@code work.micros} (the listener's simulated work per
 * event). The instances need no group id: both join the default group the starter gives
 * them, their {@code spring.application.name}.
 */
public final class KafkaConsumerFault {

	private static final String TOPIC = "fault-consumer";

	private KafkaConsumerFault() {
	}

	public static void main(String[] args) throws Exception {
		int events = Integer.getInteger("events", 20_000);
		int rate = Integer.getInteger("rate", 1_000);
		int partitions = Integer.getInteger("partitions", 6);
		double killAt = Double.parseDouble(System.getProperty("kill.at", "0.4"));
		String sessionTimeout = System.getProperty("session.timeout.ms", "6000");
		String workMicros = System.getProperty("work.micros", "1000");
		Path logs = Files.createDirectories(Path.of(System.getProperty("logs", "target/kafka-faults")));
		boolean passed;
		try (EmbeddedBroker broker = new EmbeddedBroker(Map.of())) {
			broker.createTopic(TOPIC, partitions);
			Instance a = Instance.start("a", events, broker.bootstrapServers(), sessionTimeout, workMicros, logs);
			Instance b = Instance.start("b", events, broker.bootstrapServers(), sessionTimeout, workMicros, logs);
			try {
				passed = run(broker, a, b, events, rate, partitions, killAt);
			}
			finally {
				a.process.destroyForcibly();
				b.process.destroy();
				b.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
		System.exit(passed ? 0 : 1);
	}

	private static boolean run(EmbeddedBroker broker, Instance a, Instance b, int events, int rate, int partitions,
			double killAt) throws Exception {
		Deadline.of(Duration.ofSeconds(120), "both instances share the partitions")
			.await(() -> a.assigned() > 0 && b.assigned() > 0 && a.assigned() + b.assigned() == partitions);
		System.err.printf("assigned: a %s, b %s%n", a.assignment, b.assignment);
		KafkaCloudEventTemplate template = new KafkaCloudEventTemplate(
				new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
						broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class)),
				new CloudEventKafkaBinding());
		AtomicLong acknowledged = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		Pacer pacer = new Pacer(rate);
		long killThreshold = (long) Math.ceil(killAt * events);
		BooleanSupplier killDue = () -> a.handled.get() > 0 && a.handled.get() + b.handled.get() >= killThreshold;
		boolean killed = false;
		long killedAt = 0;
		List<CompletableFuture<?>> sends = new ArrayList<>(events);
		for (int sequence = 0; sequence < events; sequence++) {
			pacer.awaitTurn(sequence);
			sends.add(template.send(TOPIC, LoadEvents.event(sequence)).whenComplete((result, ex) -> {
				if (ex != null) {
					failed.incrementAndGet();
				}
				else {
					acknowledged.incrementAndGet();
				}
			}));
			if (!killed && killDue.getAsBoolean()) {
				killedAt = kill(a, pacer, sequence + 1);
				killed = true;
			}
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		template.destroy();
		if (!killed) {
			// the consumers lag behind the sends: the kill still comes mid-run for them
			Deadline.of(Duration.ofSeconds(120), killThreshold + " events handled").await(killDue);
			killedAt = kill(a, pacer, events);
		}
		long takeover = -1;
		boolean complete = Deadline.of(Duration.ofSeconds(120), "every event handled")
			.tryAwait(() -> distinct(a, b, events) == events);
		if (b.assigned() == partitions) {
			takeover = TimeUnit.NANOSECONDS.toMillis(b.assignedAt - killedAt);
		}
		return report(a, b, events, partitions, acknowledged.get(), failed.get(), takeover, complete);
	}

	private static long kill(Instance instance, Pacer pacer, int sent) throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-9", Long.toString(instance.process.pid())).inheritIO().start().waitFor();
		instance.process.waitFor();
		long killedAt = System.nanoTime();
		System.err.printf("kill -9 instance %s (pid %d) at %.1f s, %,d events sent, it had handled %,d%n",
				instance.name, instance.process.pid(), pacer.secondsElapsed(), sent, instance.handled.get());
		return killedAt;
	}

	private static int distinct(Instance a, Instance b, int events) {
		int distinct = 0;
		for (int sequence = 0; sequence < events; sequence++) {
			if (a.count(sequence) + b.count(sequence) > 0) {
				distinct++;
			}
		}
		return distinct;
	}

	private static boolean report(Instance a, Instance b, int events, int partitions, long acknowledged, long failed,
			long takeoverMillis, boolean complete) {
		int lost = 0;
		int duplicated = 0;
		int handledTwiceByOne = 0;
		Map<Integer, Integer> duplicatesByPartition = new TreeMap<>();
		for (int sequence = 0; sequence < events; sequence++) {
			int times = a.count(sequence) + b.count(sequence);
			if (times == 0) {
				lost++;
			}
			else if (times > 1) {
				duplicated += times - 1;
				if (a.count(sequence) != 1 || b.count(sequence) != 1) {
					handledTwiceByOne++;
				}
				duplicatesByPartition.merge(a.partition(sequence, b), times - 1, Integer::sum);
			}
		}
		System.out.println();
		System.out.printf(
				"%,d events on %d partitions, sent with KafkaCloudEventTemplate (acks=all): %,d acknowledged, %,d failed%n",
				events, partitions, acknowledged, failed);
		System.out.printf(
				"instance a: killed with kill -9, handled %,d events before it died (%s us of work per event)%n",
				a.handled.get(), System.getProperty("work.micros", "1000"));
		System.out.printf("instance b: handled %,d events, holds partitions %s, took over %s ms after the kill%n",
				b.handled.get(), b.assignment, takeoverMillis);
		System.out.println();
		System.out.println(
				"| handled (a + b) | distinct ids | lost | duplicated | duplicated by partition | handled twice by one instance |");
		System.out.println("|---:|---:|---:|---:|---|---:|");
		System.out.printf("| %,d | %,d | %,d | %,d | %s | %,d |%n", a.handled.get() + b.handled.get(), events - lost,
				lost, duplicated, duplicatesByPartition, handledTwiceByOne);
		System.out.println();
		System.out.println("| partition of a | a handled offsets | b handled offsets | handled by both |");
		System.out.println("|---:|---|---|---:|");
		Map<Integer, long[]> bOffsets = b.offsets();
		a.offsets().forEach((partition, range) -> {
			long[] other = bOffsets.get(partition);
			long both = (other != null && other[0] <= range[1]) ? range[1] - other[0] + 1 : 0;
			System.out.printf("| %d | %d..%d | %s | %d |%n", partition, range[0], range[1],
					(other != null) ? other[0] + ".." + other[1] : "-", both);
		});
		return complete && lost == 0 && failed == 0 && handledTwiceByOne == 0;
	}

	/** A consumer JVM and what it reported on its standard output. */
	private static final class Instance {

		final String name;

		final Process process;

		final AtomicLong handled = new AtomicLong();

		private final byte[] counts;

		private final int[] partitions;

		private final Map<Integer, long[]> offsets = new TreeMap<>();

		volatile String assignment = "[]";

		volatile long assignedAt;

		private final BufferedReader output;

		private final Thread reader;

		private Instance(String name, Process process, int events) {
			this.name = name;
			this.process = process;
			this.counts = new byte[events];
			this.partitions = new int[events];
			this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
			this.reader = new Thread(this::readAll, "instance-" + name);
			this.reader.setDaemon(true);
			this.reader.start();
		}

		static Instance start(String name, int events, String bootstrapServers, String sessionTimeout,
				String workMicros, Path logs) throws IOException {
			List<String> command = List.of(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx256m",
					"-cp", System.getProperty("java.class.path"), FaultConsumerApplication.class.getName(),
					"--spring.application.name=fault-consumers", "--fault.topic=" + TOPIC,
					"--fault.work-micros=" + workMicros, "--spring.kafka.bootstrap-servers=" + bootstrapServers,
					"--spring.kafka.consumer.auto-offset-reset=earliest",
					"--spring.kafka.consumer.properties.session.timeout.ms=" + sessionTimeout,
					"--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
					"--spring.kafka.consumer.client-id=instance-" + name, "--spring.main.banner-mode=off",
					"--logging.level.root=warn");
			Process process = new ProcessBuilder(command).redirectError(logs.resolve(name + ".log").toFile()).start();
			return new Instance(name, process, events);
		}

		private void readAll() {
			try {
				String line;
				while ((line = this.output.readLine()) != null) {
					accept(line);
				}
			}
			catch (IOException ex) {
				// the process died: what it wrote before is all there is
			}
		}

		private synchronized void accept(String line) {
			if (line.startsWith("HANDLED ")) {
				String[] parts = line.split(" ");
				int sequence = Sequences.parse(parts[1]);
				this.counts[sequence]++;
				this.partitions[sequence] = Integer.parseInt(parts[2]);
				long offset = Long.parseLong(parts[3]);
				this.offsets.merge(this.partitions[sequence], new long[] { offset, offset },
						(range, one) -> new long[] { Math.min(range[0], offset), Math.max(range[1], offset) });
				this.handled.incrementAndGet();
			}
			else if (line.startsWith("ASSIGNED ")) {
				this.assignment = line.substring("ASSIGNED ".length());
				this.assignedAt = System.nanoTime();
			}
		}

		int assigned() {
			String list = this.assignment.substring(1, this.assignment.length() - 1);
			return list.isEmpty() ? 0 : list.split(",").length;
		}

		/** The lowest and highest offset handled per partition. */
		synchronized Map<Integer, long[]> offsets() {
			return new TreeMap<>(this.offsets);
		}

		synchronized int count(int sequence) {
			return this.counts[sequence];
		}

		synchronized int partition(int sequence, Instance other) {
			return (this.counts[sequence] > 0) ? this.partitions[sequence] : other.partitionOf(sequence);
		}

		private synchronized int partitionOf(int sequence) {
			return this.partitions[sequence];
		}

	}

}
