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
 * <p>
 * A message over the maximum size is not handed out whole: it is {@linkplain #isOversize()
 * oversize}, its {@link #size()} is the size it decompressed to, and the view holds only its
 * first bytes (enough to read the envelope's {@code t} and {@code s}, which Discord sends
 * before {@code d}). Callers skip it.
 */
public final class DecompressedMessage {

	private byte[] array = new byte[0];

	private int length;

	private long size;

	DecompressedMessage() {
	}

	DecompressedMessage set(byte[] array, int length) {
		return set(array, length, length);
	}

	DecompressedMessage set(MessageBuffer buffer) {
		return set(buffer.array(), buffer.length(), buffer.size());
	}

	private DecompressedMessage set(byte[] array, int length, long size) {
		this.array = array;
		this.length = length;
		this.size = size;
		return this;
	}

	/**
	 * @return whether the message was over the maximum size; the view then holds only its start
	 */
	public boolean isOversize() {
		return this.size > this.length;
	}

	/** @return the size of the whole decompressed message in bytes, over the limit when oversize */
	public long size() {
		return this.size;
	}

	/** @return the backing array; only the first {@link #length()} bytes belong to the message */
	public byte[] array() {
		return this.array;
	}

	/** @return how many bytes of the message the view holds: all of them unless oversize */
	public int length() {
		return this.length;
	}

	/** @return a new String with the message decoded as UTF-8 (allocates; for logging and tests) */
	public String toUtf8String() {
		return new String(this.array, 0, this.length, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "DecompressedMessage[length=" + this.length + ", size=" + this.size + "]";
	}

}
