package io.github.discordgateway.transport;

/**
 * Refuses outbound gateway payloads over Discord's limit of {@value #MAX_BYTES} bytes. The limit
 * is on the encoded bytes, so characters outside ASCII count 2 to 4 bytes each.
 */
public final class OutboundPayloadSize {

	/** The largest gateway payload a client may send, in bytes of UTF-8 JSON. */
	public static final int MAX_BYTES = 4096;

	private OutboundPayloadSize() {
	}

	/**
	 * @param encodedLength the length of the UTF-8 encoded payload
	 * @param opcode the payload's opcode, for the error message
	 * @throws PayloadTooLargeException if {@code encodedLength} is over {@link #MAX_BYTES}
	 */
	public static void check(int encodedLength, int opcode) {
		if (encodedLength > MAX_BYTES) {
			throw new PayloadTooLargeException(encodedLength, MAX_BYTES, opcode);
		}
	}

	/**
	 * Checks a payload that is still a string (for a text WebSocket message), counting its UTF-8
	 * length without encoding it.
	 * @param json the payload
	 * @param opcode the payload's opcode, for the error message
	 * @throws PayloadTooLargeException if the payload encodes to more than {@link #MAX_BYTES}
	 */
	public static void check(CharSequence json, int opcode) {
		// No char encodes to more than 3 bytes (a surrogate pair is 4 for two), so short payloads need no count.
		if (3L * json.length() > MAX_BYTES) {
			check(utf8Length(json), opcode);
		}
	}

	/**
	 * @return the number of bytes {@code text} encodes to in UTF-8, counting an unpaired surrogate
	 * as the one-byte {@code ?} that {@link String#getBytes(java.nio.charset.Charset)} puts there
	 */
	static int utf8Length(CharSequence text) {
		int length = text.length();
		int bytes = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else if (Character.isSurrogate(c)) {
				bytes += 1;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
