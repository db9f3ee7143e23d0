package io.github.discordgateway.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A JSON value kept as the UTF-8 bytes it arrived in, so it is decoded only if somebody asks for it.
 *
 * @param bytes the buffer holding the value (never modified after construction)
 * @param offset where the value starts in {@code bytes}
 * @param length the value's length in bytes
 */
public record RawJson(byte[] bytes, int offset, int length) {

	/** The JSON literal {@code null}. */
	public static final RawJson NULL = of("null");

	public static RawJson of(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return new RawJson(bytes, 0, bytes.length);
	}

	public boolean isNull() {
		return this.length == 4 && this.bytes[this.offset] == 'n';
	}

	/**
	 * The JSON text.
	 */
	@Override
	public String toString() {
		return new String(this.bytes, this.offset, this.length, StandardCharsets.UTF_8);
	}

}
