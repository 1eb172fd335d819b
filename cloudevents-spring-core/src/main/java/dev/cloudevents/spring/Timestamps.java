package dev.cloudevents.spring;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * RFC 3339 timestamps, strictly: a full date, a full time with seconds, an optional
 * fraction and a mandatory offset. {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} is more
 * lenient (seconds optional) and slower, so parsing is done by hand.
 */
final class Timestamps {

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000 };

	private Timestamps() {
	}

	/**
	 * Format as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does (seconds always, a
	 * fraction without trailing zeros only when there is one, {@code Z} for UTC), by hand
	 * for the common years and offsets: the JDK's formatter is a quarter of binary-mode
	 * encoding.
	 */
	static String format(OffsetDateTime time) {
		int year = time.getYear();
		int offsetSeconds = time.getOffset().getTotalSeconds();
		if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
		}
		int nanos = time.getNano();
		int fractionDigits = 0;
		if (nanos != 0) {
			fractionDigits = 9;
			for (int n = nanos; n % 10 == 0; n /= 10) {
				fractionDigits--;
			}
		}
		int length = 19 + ((fractionDigits > 0) ? fractionDigits + 1 : 0) + ((offsetSeconds == 0) ? 1 : 6);
		byte[] text = new byte[length];
		put(text, 0, year, 4);
		text[4] = '-';
		put(text, 5, time.getMonthValue(), 2);
		text[7] = '-';
		put(text, 8, time.getDayOfMonth(), 2);
		text[10] = 'T';
		put(text, 11, time.getHour(), 2);
		text[13] = ':';
		put(text, 14, time.getMinute(), 2);
		text[16] = ':';
		put(text, 17, time.getSecond(), 2);
		int i = 19;
		if (fractionDigits > 0) {
			text[i++] = '.';
			put(text, i, nanos / POWERS_OF_TEN[9 - fractionDigits], fractionDigits);
			i += fractionDigits;
		}
		if (offsetSeconds == 0) {
			text[i] = 'Z';
		}
		else {
			text[i] = (byte) ((offsetSeconds < 0) ? '-' : '+');
			int offsetMinutes = Math.abs(offsetSeconds) / 60;
			put(text, i + 1, offsetMinutes / 60, 2);
			text[i + 3] = ':';
			put(text, i + 4, offsetMinutes % 60, 2);
		}
		return new String(text, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Return whether a timestamp that {@link #parse(String, String) parses} is in the
	 * form {@link #format(OffsetDateTime)} writes: {@code T}, a fraction of one to nine
	 * digits that does not end with zero, {@code Z} for UTC and no other offset of zero.
	 */
	static boolean isCanonical(String parsed) {
		if (parsed.charAt(10) != 'T') {
			return false;
		}
		int i = 19;
		if (parsed.charAt(i) == '.') {
			int start = ++i;
			while (isDigit(parsed.charAt(i))) {
				i++;
			}
			if (i - start > 9 || parsed.charAt(i - 1) == '0') {
				return false;
			}
		}
		char offset = parsed.charAt(i);
		return offset == 'Z' || (offset != 'z' && !parsed.startsWith("00:00", i + 1));
	}

	private static void put(byte[] text, int start, int value, int digits) {
		for (int i = start + digits - 1; i >= start; i--) {
			text[i] = (byte) ('0' + value % 10);
			value /= 10;
		}
	}

	static OffsetDateTime parse(String attribute, String text) {
		try {
			return Objects.requireNonNull(parseStrict(text, true));
		}
		catch (DateTimeException | IndexOutOfBoundsException ex) {
			throw invalid(attribute, text, ex);
		}
	}

	/**
	 * Check a timestamp as {@link #parse(String, String)} does, building nothing, so that
	 * an event can keep the text and parse it when first asked for its time.
	 */
	static void check(String attribute, String text) {
		try {
			parseStrict(text, false);
		}
		catch (DateTimeException | IndexOutOfBoundsException ex) {
			throw invalid(attribute, text, ex);
		}
	}

	private static InvalidCloudEventException invalid(String attribute, String text, RuntimeException ex) {
		return new InvalidCloudEventException(attribute, "must be an RFC 3339 timestamp but was '" + text + "'", ex);
	}

	/**
	 * Read the fields and check their ranges (as {@link OffsetDateTime#of} would), then
	 * build the time if asked to.
	 */
	private static @Nullable OffsetDateTime parseStrict(String s, boolean build) {
		int year = digits(s, 0, 4);
		expect(s, 4, '-');
		int month = digits(s, 5, 2);
		expect(s, 7, '-');
		int day = digits(s, 8, 2);
		char t = s.charAt(10);
		if (t != 'T' && t != 't' && t != ' ') {
			throw new DateTimeException("date and time must be separated by 'T'");
		}
		int hour = digits(s, 11, 2);
		expect(s, 13, ':');
		int minute = digits(s, 14, 2);
		expect(s, 16, ':');
		int second = digits(s, 17, 2);
		int i = 19;
		int nanos = 0;
		if (i < s.length() && s.charAt(i) == '.') {
			int start = ++i;
			while (i < s.length() && isDigit(s.charAt(i))) {
				if (i - start < 9) {
					nanos = nanos * 10 + (s.charAt(i) - '0');
				}
				i++;
			}
			if (i == start) {
				throw new DateTimeException("a fraction needs at least one digit");
			}
			for (int n = i - start; n < 9; n++) {
				nanos *= 10;
			}
		}
		int offsetHours = 0;
		int offsetMinutes = 0;
		char z = s.charAt(i);
		if ((z == '+' || z == '-') && i + 6 == s.length()) {
			offsetHours = digits(s, i + 1, 2);
			expect(s, i + 3, ':');
			offsetMinutes = digits(s, i + 4, 2);
		}
		else if ((z != 'Z' && z != 'z') || i + 1 != s.length()) {
			throw new DateTimeException("an offset ('Z' or '+hh:mm') must end the timestamp");
		}
		if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year)) || hour > 23
				|| minute > 59 || second > 59) {
			throw new DateTimeException("a field is out of range");
		}
		if (offsetMinutes > 59 || offsetHours > 18 || (offsetHours == 18 && offsetMinutes > 0)) {
			throw new DateTimeException("the offset is out of range");
		}
		if (!build) {
			return null;
		}
		ZoneOffset offset = (z == '-') ? ZoneOffset.ofHoursMinutes(-offsetHours, -offsetMinutes)
				: ZoneOffset.ofHoursMinutes(offsetHours, offsetMinutes);
		return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
	}

	private static int digits(String s, int start, int count) {
		int value = 0;
		for (int i = start; i < start + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				throw new DateTimeException("digit expected at index " + i);
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static void expect(String s, int index, char expected) {
		if (s.charAt(index) != expected) {
			throw new DateTimeException("'" + expected + "' expected at index " + index);
		}
	}

}
