package dev.cloudevents.spring.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records through a real topic of the {@link SharedKafkaBroker} and reads each back
 * as the broker returns it, headers and value as bytes.
 */
public final class RecordTrips implements AutoCloseable {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final KafkaProducer<byte[], byte[]> producer;

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final TopicPartition partition;

	/**
	 * Create a producer, a consumer and a one-partition topic of their own.
	 */
	public RecordTrips() {
		String bootstrapServers = SharedKafkaBroker.bootstrapServers();
		this.partition = new TopicPartition(SharedKafkaBroker.newTopic("trips", 1), 0);
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 0),
				new ByteArraySerializer(), new ByteArraySerializer());
		this.consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
		this.consumer.assign(List.of(this.partition));
	}

	/**
	 * Return the topic the records go through.
	 * @return the topic name
	 */
	public String topic() {
		return this.partition.topic();
	}

	/**
	 * Send a record and read it back.
	 * @param headers the headers
	 * @param value the value, or {@code null}
	 * @return the record as consumed
	 */
	public ConsumerRecord<byte[], byte[]> trip(Headers headers, byte[] value) {
		RecordMetadata sent = send(new ProducerRecord<>(topic(), 0, (byte[]) null, value, headers));
		return read(sent.offset());
	}

	/**
	 * Send a record as it is, built by a caller that may use another serializer.
	 * @param record the record
	 * @return where it landed
	 */
	public RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
		try {
			return this.producer.send(record).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * Read the record at an offset of the topic's partition.
	 * @param offset the offset
	 * @return the record
	 */
	public ConsumerRecord<byte[], byte[]> read(long offset) {
		this.consumer.seek(this.partition, offset);
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : this.consumer.poll(Duration.ofMillis(200))) {
				if (record.offset() == offset) {
					return record;
				}
			}
		}
		throw new IllegalStateException("No record at offset " + offset + " of " + this.partition);
	}

	@Override
	public void close() {
		this.producer.close();
		this.consumer.close();
	}

}
