package dev.cloudevents.spring.support;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;

/**
 * Writes a warning at most once per cause per interval: a flood of rejected events or
 * retried deliveries with one cause leaves one line per interval, which tells how many
 * more there were since the previous one. For this project's adapters and templates, not
 * for applications.
 *
 * @since 0.1.0
 */
public final class RateLimitedLog {

	/** Default interval between two lines about one cause: one minute. */
	public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

	// causes are few (a status, a rule, a target), yet a log must never hold memory
	// without bound
	private static final int MAX_CAUSES = 1024;

	private final Log log;

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private final Map<String, Cause> causes = new ConcurrentHashMap<>();

	/**
	 * Create a log that writes one line per cause and {@link #DEFAULT_INTERVAL}.
	 * @param log where to write
	 */
	public RateLimitedLog(Log log) {
		this(log, DEFAULT_INTERVAL, System::nanoTime);
	}

	RateLimitedLog(Log log, Duration interval, LongSupplier nanoTime) {
		this.log = log;
		this.intervalNanos = interval.toNanos();
		this.nanoTime = nanoTime;
	}

	/**
	 * Write a warning unless one about the same cause was written within the interval.
	 * @param cause what the warnings to merge have in common, such as a status and an
	 * attribute; never a value that varies from event to event
	 * @param message the message, built only when it is written
	 */
	public void warn(String cause, Supplier<String> message) {
		if (!this.log.isWarnEnabled()) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		if (this.causes.size() >= MAX_CAUSES && !this.causes.containsKey(cause)) {
			this.causes.clear();
		}
		Cause state = this.causes.computeIfAbsent(cause, (key) -> new Cause(now - this.intervalNanos));
		long suppressed = state.tryWrite(now, this.intervalNanos);
		if (suppressed < 0) {
			return;
		}
		String text = message.get();
		this.log.warn((suppressed > 0) ? text + " (" + suppressed + " more like it since the last report)" : text);
	}

	private static final class Cause {

		private final AtomicLong lastWritten;

		private final AtomicLong suppressed = new AtomicLong();

		Cause(long lastWritten) {
			this.lastWritten = new AtomicLong(lastWritten);
		}

		/**
		 * Return how many were suppressed since the last line if this one is to be
		 * written, or -1 if it is suppressed.
		 */
		long tryWrite(long now, long intervalNanos) {
			long last = this.lastWritten.get();
			if (now - last >= intervalNanos && this.lastWritten.compareAndSet(last, now)) {
				return this.suppressed.getAndSet(0);
			}
			this.suppressed.incrementAndGet();
			return -1;
		}

	}

}
