package dev.cloudevents.spring.kafka.listener;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;

import dev.cloudevents.spring.InvalidCloudEventException;

/**
 * A recoverer for Spring Kafka's {@code DefaultErrorHandler} in applications without a
 * dead-letter topic: it logs a failed record and lets the partition move on. A record
 * that is no valid CloudEvent is logged at WARN with its topic, partition, offset and
 * what is wrong (the header or attribute and the rule), never its value, as is one whose
 * event no {@code @CloudEventMapping} method takes ({@link UnroutedCloudEventException},
 * naming its type); any other failure at ERROR with its exception, as Spring Kafka's
 * default recoverer does. <pre class="code">
 * factory.setCommonErrorHandler(new DefaultErrorHandler(new CloudEventLoggingRecoverer()));
 * </pre>
 */
public class CloudEventLoggingRecoverer implements ConsumerRecordRecoverer {

	private static final Log logger = LogFactory.getLog(CloudEventLoggingRecoverer.class);

	@Override
	public void accept(ConsumerRecord<?, ?> record, Exception exception) {
		InvalidCloudEventException invalid = cause(exception, InvalidCloudEventException.class);
		UnroutedCloudEventException unrouted = cause(exception, UnroutedCloudEventException.class);
		if (invalid != null) {
			logger.warn("Skipped record " + KafkaUtils.format(record) + ", which is not a valid CloudEvent: "
					+ invalid.getMessage());
		}
		else if (unrouted != null) {
			logger.warn("Skipped record " + KafkaUtils.format(record) + ": " + unrouted.getMessage());
		}
		else {
			logger.error("Skipped record " + KafkaUtils.format(record) + " after its listener failed", exception);
		}
	}

	private static <T extends Throwable> @Nullable T cause(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
