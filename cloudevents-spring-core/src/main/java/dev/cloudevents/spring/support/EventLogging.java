package dev.cloudevents.spring.support;

import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import dev.cloudevents.spring.CloudEvent;
import dev.cloudevents.spring.ContentMode;

/**
 * How the library writes events and received values into log messages: the attributes
 * that identify an event, never its data, and every value escaped so that a CR, LF or
 * other control character in an attribute cannot forge a log line. For this project's
 * bindings, adapters and templates (the Kafka module's among them), not for applications.
 *
 * @since 0.1.0
 */
public final class EventLogging {

	private static final int MAX_VALUE_LENGTH = 256;

	private EventLogging() {
	}

	/**
	 * Describe an event for a log message by its id, type and source.
	 * @param event the event
	 * @param mode how it travels, such as {@code binary}
	 * @return a description such as
	 * {@code id='1', type='com.example.created', source='/orders', mode=binary}
	 */
	public static String describe(CloudEvent event, String mode) {
		return "id='" + escape(event.id()) + "', type='" + escape(event.type()) + "', source='" + escape(event.source())
				+ "', mode=" + mode;
	}

	/**
	 * Log at DEBUG each event read or written, unless DEBUG is off.
	 * @param log where to write
	 * @param action what happened, such as {@code Read} or {@code Wrote}
	 * @param events a {@link CloudEvent} or a list of them
	 * @param contentMode the content mode, or {@code null} for a batch
	 */
	public static void debug(Log log, String action, @Nullable Object events, @Nullable ContentMode contentMode) {
		if (!log.isDebugEnabled()) {
			return;
		}
		String mode = (contentMode != null) ? contentMode.name().toLowerCase(Locale.ROOT) : "batch";
		if (events instanceof CloudEvent event) {
			log.debug(action + " CloudEvent " + describe(event, mode));
		}
		else if (events instanceof List<?> list) {
			for (Object event : list) {
				log.debug(action + " CloudEvent " + describe((CloudEvent) event, mode));
			}
		}
	}

	/**
	 * Escape a value for a log message: control characters (CR and LF among them) and
	 * backslashes as Java escapes, and at most 256 characters, a longer value cut with
	 * {@code ...}.
	 * @param value the value, as received
	 * @return the escaped value, {@code "null"} for {@code null}
	 */
	public static String escape(@Nullable Object value) {
		String text = String.valueOf(value);
		int length = Math.min(text.length(), MAX_VALUE_LENGTH);
		int i = 0;
		while (i < length && isPlain(text.charAt(i))) {
			i++;
		}
		if (i == text.length()) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(length + 16).append(text, 0, i);
		for (; i < length; i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\r' -> escaped.append("\\r");
				case '\n' -> escaped.append("\\n");
				case '\t' -> escaped.append("\\t");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (isPlain(c)) {
						escaped.append(c);
					}
					else {
						escaped.append(String.format("\\u%04x", (int) c));
					}
				}
			}
		}
		if (text.length() > length) {
			escaped.append("...");
		}
		return escaped.toString();
	}

	// Unicode line and paragraph separators and bidi controls end or reorder lines in
	// some log viewers too
	private static boolean isPlain(char c) {
		return c >= 0x20 && c != 0x7f && c != '\\' && !(c >= 0x80 && c < 0xa0) && c != 0x2028 && c != 0x2029
				&& !(c >= 0x202a && c <= 0x202e) && !(c >= 0x2066 && c <= 0x2069);
	}

}
