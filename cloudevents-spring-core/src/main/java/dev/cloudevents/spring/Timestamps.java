package dev.cloudevents.spring;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDateTime;
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

	// "00" to "99"
	private static final byte[] DIGIT_PAIRS = new byte[200];

	static {
		for (int i = 0; i < 100; i++) {
			DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
			DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
		}
	}

	private Timestamps() {
	}

	/**
	 * Format as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} does (seconds always, a
	 * fraction without trailing zeros only when there is one, {@code Z} for UTC), by hand
	 * for the common years and offsets: the JDK's formatter is a quarter of binary-mode
	 * encoding. Two digits at a time from a table, and the fraction's trailing zeros
	 * dropped in steps of three first: a division by ten per digit was a third of an
	 * encode.
	 */
	static String format(OffsetDateTime time) {
		LocalDateTime dateTime = time.toLocalDateTime();
		int year = dateTime.getYear();
		int offsetSeconds = time.getOffset().getTotalSeconds();
		if (year < 0 || year > 9999 || offsetSeconds % 60 != 0) {
			return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
		}
		int fraction = dateTime.getNano();
		int fractionDigits = 0;
		if (fraction != 0) {
			fractionDigits = 9;
			if (fraction % 1_000_000 == 0) {
				fraction /= 1_000_000;
				fractionDigits = 3;
			}
			else if (fraction % 1000 == 0) {
				fraction /= 1000;
				fractionDigits = 6;
			}
			while (fraction % 10 == 0) {
				fraction /= 10;
				fractionDigits--;
			}
		}
		int length = 19 + ((fractionDigits > 0) ? fractionDigits + 1 : 0) + ((offsetSeconds == 0) ? 1 : 6);
		byte[] text = new byte[length];
		putTwo(text, 0, year / 100);
		putTwo(text, 2, year % 100);
		text[4] = '-';
		putTwo(text, 5, dateTime.getMonthValue());
		text[7] = '-';
		putTwo(text, 8, dateTime.getDayOfMonth());
		text[10] = 'T';
		putTwo(text, 11, dateTime.getHour());
		text[13] = ':';
		putTwo(text, 14, dateTime.getMinute());
		text[16] = ':';
		putTwo(text, 17, dateTime.getSecond());
		int i = 19;
		if (fractionDigits > 0) {
			text[i] = '.';
			i += fractionDigits;
			for (int digit = i; digit > 19; digit--) {
				text[digit] = (byte) ('0' + fraction % 10);
				fraction /= 10;
			}
			i++;
		}
		if (offsetSeconds == 0) {
			text[i] = 'Z';
		}
		else {
			text[i] = (byte) ((offsetSeconds < 0) ? '-' : '+');
			int offsetMinutes = Math.abs(offsetSeconds) / 60;
			putTwo(text, i + 1, offsetMinutes / 60);
			text[i + 3] = ':';
			putTwo(text, i + 4, offsetMinutes % 60);
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

	private static void putTwo(byte[] text, int start, int value) {
		text[start] = DIGIT_PAIRS[2 * value];
		text[start + 1] = DIGIT_PAIRS[2 * value + 1];
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
