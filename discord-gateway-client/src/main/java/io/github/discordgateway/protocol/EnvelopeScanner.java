package io.github.discordgateway.protocol;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link GatewayJson#decode}: reads a payload envelope by scanning its bytes once. Only the
 * structure is followed (brackets, strings and their escapes), so skipping {@code d} costs a pass over its bytes
 * and nothing more, where a tokenizer would also decode every string and hash every field name in it.
 * <p>
 * Whatever it does not expect (escapes in a key or in {@code t}, a {@code t} that is not printable ASCII, a
 * non-integer {@code op} or {@code s}, a field other than these and {@code d} or a repeated one, unbalanced
 * brackets, trailing bytes) makes it answer {@code null}, and the caller parses the message with Jackson instead, which reports the
 * exact error. UTF-8 needs no care: quote and backslash bytes never occur
 * inside a multi-byte character. The data itself is checked when a listener decodes it.
 */
final class EnvelopeScanner {

	private static final int OP = 1;

	private static final int S = 2;

	private static final int T = 4;

	private static final int D = 8;

	/** Any other field: the scanner declines those. */
	private static final int OTHER = 16;

	/** Reads eight bytes of an array as one little-endian long. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final long QUOTES = 0x2222222222222222L;

	private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

	private EnvelopeScanner() {
	}

	/**
	 * @return the envelope, or {@code null} if this scanner does not vouch for the bytes
	 */
	static GatewayMessage scan(byte[] bytes, int length) {
		int at = skipWhitespace(bytes, 0, length);
		if (at >= length || bytes[at] != '{') {
			return null;
		}
		int op = -1;
		long sequence = GatewayMessage.NO_SEQUENCE;
		String type = null;
		RawJson data = RawJson.NULL;
		int seen = 0;
		at = skipWhitespace(bytes, at + 1, length);
		while (true) {
			if (at >= length || bytes[at] != '"') {
				return null;
			}
			int keyStart = at + 1;
			int keyEnd = keyStart;
			while (keyEnd < length && bytes[keyEnd] != '"') {
				if (bytes[keyEnd] == '\\') {
					return null;
				}
				keyEnd++;
			}
			at = skipWhitespace(bytes, keyEnd + 1, length);
			if (at >= length || bytes[at] != ':') {
				return null;
			}
			int valueStart = skipWhitespace(bytes, at + 1, length);
			int valueEnd = skipValue(bytes, valueStart, length);
			if (valueEnd < 0) {
				return null;
			}
			int keyLength = keyEnd - keyStart;
			int field = field(bytes, keyStart, keyLength);
			if ((seen & field) != 0) {
				// Discord never repeats a field; a repeated one is for Jackson to read.
				return null;
			}
			seen |= field;
			if (field == OP) {
				long value = integer(bytes, valueStart, valueEnd);
				if (value < 0 || value > Integer.MAX_VALUE) {
					return null;
				}
				op = (int) value;
			}
			else if (field == S) {
				if (!isNull(bytes, valueStart, valueEnd)) {
					sequence = integer(bytes, valueStart, valueEnd);
					if (sequence < 0) {
						return null;
					}
				}
			}
			else if (field == T) {
				if (!isNull(bytes, valueStart, valueEnd)) {
					type = plainString(bytes, valueStart, valueEnd);
					if (type == null) {
						return null;
					}
				}
			}
			else if (field == D) {
				data = isNull(bytes, valueStart, valueEnd) ? RawJson.NULL
						: new RawJson(bytes, valueStart, valueEnd - valueStart);
			}
			else {
				// Discord sends no other field; whatever it is, Jackson checks it.
				return null;
			}
			at = skipWhitespace(bytes, valueEnd, length);
			if (at < length && bytes[at] == ',') {
				at = skipWhitespace(bytes, at + 1, length);
			}
			else if (at < length && bytes[at] == '}') {
				break;
			}
			else {
				return null;
			}
		}
		return (op >= 0 && skipWhitespace(bytes, at + 1, length) == length)
				? new GatewayMessage(op, sequence, type, data) : null;
	}

	/**
	 * Reads {@code op}, {@code s} and {@code t} from the start of a message that was cut off: the plain fields
	 * that lie wholly before the cut count, the rest is absent ({@code op} -1, no sequence, no type).
	 * @return the envelope's start, its data always {@link RawJson#NULL}
	 */
	static GatewayMessage scanStart(byte[] bytes, int length) {
		int op = -1;
		long sequence = GatewayMessage.NO_SEQUENCE;
		String type = null;
		int at = skipWhitespace(bytes, 0, length);
		if (at < length && bytes[at] == '{') {
			at = skipWhitespace(bytes, at + 1, length);
			while (at < length && bytes[at] == '"') {
				int keyEnd = skipString(bytes, at, length);
				int colon = (keyEnd < 0) ? length : skipWhitespace(bytes, keyEnd, length);
				if (colon >= length || bytes[colon] != ':') {
					break;
				}
				int valueStart = skipWhitespace(bytes, colon + 1, length);
				int valueEnd = skipValue(bytes, valueStart, length);
				if (valueEnd < 0 || valueEnd >= length) {
					// A value that runs up to the cut may itself be cut short.
					break;
				}
				int keyLength = keyEnd - at - 2;
				byte key = bytes[at + 1];
				if (keyLength == 2 && key == 'o' && bytes[at + 2] == 'p') {
					long value = integer(bytes, valueStart, valueEnd);
					op = (value <= Integer.MAX_VALUE) ? (int) value : -1;
				}
				else if (keyLength == 1 && key == 's') {
					sequence = integer(bytes, valueStart, valueEnd);
				}
				else if (keyLength == 1 && key == 't') {
					type = plainString(bytes, valueStart, valueEnd);
				}
				at = skipWhitespace(bytes, valueEnd, length);
				if (at >= length || bytes[at] != ',') {
					break;
				}
				at = skipWhitespace(bytes, at + 1, length);
			}
		}
		return new GatewayMessage(op, sequence, type, RawJson.NULL);
	}

	/**
	 * Which envelope field the key names.
	 */
	private static int field(byte[] bytes, int start, int length) {
		if (length == 2 && bytes[start] == 'o' && bytes[start + 1] == 'p') {
			return OP;
		}
		if (length != 1) {
			return OTHER;
		}
		return switch (bytes[start]) {
			case 's' -> S;
			case 't' -> T;
			case 'd' -> D;
			default -> OTHER;
		};
	}

	/**
	 * Where the JSON value starting at {@code at} ends, or -1 if it is not well-formed enough to skip.
	 */
	private static int skipValue(byte[] bytes, int at, int length) {
		if (at >= length) {
			return -1;
		}
		byte first = bytes[at];
		if (first == '"') {
			return skipString(bytes, at, length);
		}
		if (first == '{' || first == '[') {
			int depth = 0;
			for (int i = at; i < length; i++) {
				byte b = bytes[i];
				if (b == '"') {
					i = skipString(bytes, i, length) - 1;
					if (i < 0) {
						return -1;
					}
				}
				else if (b == '{' || b == '[') {
					depth++;
				}
				else if ((b == '}' || b == ']') && --depth == 0) {
					return i + 1;
				}
			}
			return -1;
		}
		int end = at;
		while (end < length && bytes[end] != ',' && bytes[end] != '}' && bytes[end] != ']' && !isWhitespace(bytes[end])) {
			end++;
		}
		return (end > at) ? end : -1;
	}

	/**
	 * Where the string starting at the quote at {@code at} ends (after its closing quote), or -1.
	 */
	private static int skipString(byte[] bytes, int at, int length) {
		int i = at + 1;
		while (i < length) {
			if (i + Long.BYTES <= length) {
				// Eight bytes at a time: most of a message is text with neither a quote nor a backslash in it.
				long word = (long) LONGS.get(bytes, i);
				long special = zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES);
				if (special == 0) {
					i += Long.BYTES;
					continue;
				}
				// The lowest flagged byte is exact (only bytes above a zero byte can be flagged falsely).
				i += Long.numberOfTrailingZeros(special) >>> 3;
			}
			byte b = bytes[i];
			if (b == '"') {
				return i + 1;
			}
			i += (b == '\\') ? 2 : 1;
		}
		return -1;
	}

	/** The high bit of each byte of {@code word} that is zero (and possibly of bytes above one that is). */
	private static long zeroBytes(long word) {
		return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
	}

	/**
	 * A non-negative integer literal, or -1 for anything else (JSON allows no leading zero).
	 */
	private static long integer(byte[] bytes, int start, int end) {
		if (end - start < 1 || end - start > 18 || (bytes[start] == '0' && end - start > 1)) {
			return -1;
		}
		long value = 0;
		for (int i = start; i < end; i++) {
			int digit = bytes[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	/**
	 * A string of printable ASCII without escapes (as event names are), or {@code null} for anything else: a
	 * control character or a malformed UTF-8 sequence is for Jackson to report.
	 */
	private static String plainString(byte[] bytes, int start, int end) {
		if (bytes[start] != '"') {
			return null;
		}
		for (int i = start + 1; i < end - 1; i++) {
			if (bytes[i] == '\\' || bytes[i] < 0x20) {
				return null;
			}
		}
		return new String(bytes, start + 1, end - start - 2, StandardCharsets.US_ASCII);
	}

	private static boolean isNull(byte[] bytes, int start, int end) {
		return end - start == 4 && bytes[start] == 'n' && bytes[start + 1] == 'u' && bytes[start + 2] == 'l'
				&& bytes[start + 3] == 'l';
	}

	private static int skipWhitespace(byte[] bytes, int at, int length) {
		while (at < length && isWhitespace(bytes[at])) {
			at++;
		}
		return at;
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

}
