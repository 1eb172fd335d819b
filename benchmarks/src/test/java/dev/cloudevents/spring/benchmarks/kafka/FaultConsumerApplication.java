package dev.cloudevents.spring.benchmarks.kafka;

import java.io.IOException;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;

import dev.cloudevents.spring.CloudEvent;

/**
 * One consumer instance of {@link KafkaConsumerFault}, in a JVM of its own so that it can
 * be killed with {@code kill -9}: a Boot application whose {@code @KafkaListener} takes a
 * {@link CloudEvent} and reports each one it handled on standard output
 * ({@code HANDLED id partition offset}) before returning, after {@code fault.work-micros}
 * of simulated work, and its partitions after each rebalance
 * ({@code ASSIGNED [partitions]}). Spring Kafka's defaults otherwise: offsets committed
 * after the records of each poll are handled ({@code AckMode.BATCH}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class FaultConsumerApplication {

	public static void main(String[] args) {
		exitWithParent();
		new SpringApplicationBuilder(FaultConsumerApplication.class).web(WebApplicationType.NONE).run(args);
	}

	// standard input is a pipe from the fault run: it ends when the run ends, however it
	// ends
	private static void exitWithParent() {
		Thread watcher = new Thread(() -> {
			try {
				while (System.in.read() >= 0) {
					// nothing is ever written
				}
			}
			catch (IOException ex) {
				// the pipe broke: the same as its end
			}
			Runtime.getRuntime().halt(3);
		}, "parent-watcher");
		watcher.setDaemon(true);
		watcher.start();
	}

	@Bean
	FaultListener faultListener() {
		return new FaultListener();
	}

	@Bean
	ConsumerAwareRebalanceListener assignmentReporter() {
		return new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				report(consumer);
			}

			@Override
			public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				report(consumer);
			}

			private void report(Consumer<?, ?> consumer) {
				synchronized (System.out) {
					System.out.println("ASSIGNED " + consumer.assignment()
						.stream()
						.map(TopicPartition::partition)
						.sorted()
						.map(String::valueOf)
						.collect(Collectors.joining(",", "[", "]")));
					System.out.flush();
				}
			}

		};
	}

	static class FaultListener {

		@Value("${fault.work-micros:0}")
		private long workMicros;

		@KafkaListener(topics = "${fault.topic}")
		void on(CloudEvent event, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition,
				@Header(KafkaHeaders.OFFSET) long offset) {
			// the listener's own work (a database write, a call): the longer it takes,
			// the more
			// records of a poll are handled but not yet committed when the instance dies
			LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(this.workMicros));
			synchronized (System.out) {
				System.out.println("HANDLED " + event.id() + " " + partition + " " + offset);
				System.out.flush();
			}
		}

	}

}
