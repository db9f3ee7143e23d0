package io.github.discordgateway.transport.compression;

import java.nio.charset.StandardCharsets;

/**
 * A read-only view of one complete, decompressed gateway message: the UTF-8 JSON bytes are
 * {@code array()[0, length())}. It lets a JSON parser read the bytes in place, without a copy.
 * <p>
 * The view is owned by the {@link MessageDecompressor} that returned it and is reused: it is
 * valid only until the next call to {@link MessageDecompressor#decompress} or
 * {@link MessageDecompressor#close()} on that decompressor. Callers must not modify the array
 * and must copy anything they keep.
 */
public final class DecompressedMessage {

	private byte[] array = new byte[0];

	private int length;

	DecompressedMessage() {
	}

	DecompressedMessage set(byte[] array, int length) {
		this.array = array;
		this.length = length;
		return this;
	}

	/** @return the backing array; only the first {@link #length()} bytes belong to the message */
	public byte[] array() {
		return this.array;
	}

	/** @return the message length in bytes */
	public int length() {
		return this.length;
	}

	/** @return a new String with the message decoded as UTF-8 (allocates; for logging and tests) */
	public String toUtf8String() {
		return new String(this.array, 0, this.length, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DecompressedMessage[length=" + this.length + "]";
	}

}
