package io.github.discordgateway.protocol;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the ISO 8601 timestamps Discord sends ({@code 2024-05-01T10:00:00.123456+00:00}) without going through a
 * {@link java.time.format.DateTimeFormatter}, whose general parsing costs more than the rest of a message's
 * decoding. Only the exact shape {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|±HH:mm)} with 1 to 9 fraction digits is
 * read here; anything else is left to the caller's general parser.
 */
public final class IsoTimestamps {

	private IsoTimestamps() {
	}

	/**
	 * The timestamp in {@code text[offset, offset + length)}, or {@code null} if it is not in the shape this reads
	 * (the caller then parses it the general way, which also reports what is wrong with it).
	 */
	public static OffsetDateTime parse(char[] text, int offset, int length) {
		// yyyy-MM-ddTHH:mm:ss is 19 characters; then an optional fraction and the offset (Z or ±HH:mm).
		if (length < 20 || text[offset + 4] != '-' || text[offset + 7] != '-'
				|| (text[offset + 10] != 'T' && text[offset + 10] != 't') || text[offset + 13] != ':'
				|| text[offset + 16] != ':') {
			return null;
		}
		int year = digits(text, offset, 4);
		int month = digits(text, offset + 5, 2);
		int day = digits(text, offset + 8, 2);
		int hour = digits(text, offset + 11, 2);
		int minute = digits(text, offset + 14, 2);
		int second = digits(text, offset + 17, 2);
		if ((year | month | day | hour | minute | second) < 0) {
			return null;
		}
		int position = offset + 19;
		int end = offset + length;
		int nanos = 0;
		if (text[position] == '.') {
			position++;
			int fractionStart = position;
			while (position < end && text[position] >= '0' && text[position] <= '9') {
				position++;
			}
			int fractionDigits = position - fractionStart;
			if (fractionDigits < 1 || fractionDigits > 9) {
				return null;
			}
			nanos = digits(text, fractionStart, fractionDigits);
			for (int i = fractionDigits; i < 9; i++) {
				nanos *= 10;
			}
		}
		ZoneOffset zone = offset(text, position, end - position);
		if (zone == null) {
			return null;
		}
		try {
			return OffsetDateTime.of(LocalDateTime.of(LocalDate.of(year, month, day),
					LocalTime.of(hour, minute, second, nanos)), zone);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static ZoneOffset offset(char[] text, int position, int length) {
		if (length == 1 && (text[position] == 'Z' || text[position] == 'z')) {
			return ZoneOffset.UTC;
		}
		if (length != 6 || (text[position] != '+' && text[position] != '-') || text[position + 3] != ':') {
			return null;
		}
		int hours = digits(text, position + 1, 2);
		int minutes = digits(text, position + 4, 2);
		if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
			return null;
		}
		int seconds = hours * 3600 + minutes * 60;
		if (seconds == 0) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneOffset.ofTotalSeconds((text[position] == '-') ? -seconds : seconds);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The decimal value of {@code count} digits, or -1 if one is not a digit. */
	private static int digits(char[] text, int position, int count) {
		int value = 0;
		for (int i = position; i < position + count; i++) {
			int digit = text[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

}
