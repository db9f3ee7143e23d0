package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The growable output array a decompressor writes one message into. It starts small so an idle
 * connection holds little heap, doubles as a message needs it, never grows past the maximum
 * message size, and drops back to the initial size when the message after an unusually large
 * one (say a GUILD_CREATE of a big guild) starts, so one burst does not pin megabytes for the
 * life of the connection. Heartbeat ACKs keep arriving, so an idle connection gets there too.
 * <p>
 * A message that goes on past the maximum {@linkplain #isOverflowed() overflows}: its first
 * bytes stay (the envelope's {@code t} and {@code s} are read from them), the rest is written
 * to a small scratch array and only counted. The decompressor keeps decoding, so its stream
 * stays in step for the messages that follow.
 */
final class MessageBuffer {

	static final int INITIAL_CAPACITY = 16 * 1024;

	/** Buffers up to this size are kept between messages; larger ones are dropped on {@link #clear()}. */
	static final int RETAINED_CAPACITY = 64 * 1024;

	private static final int SCRATCH_CAPACITY = 8 * 1024;

	private final int maxSize;

	private byte[] array;

	private int length;

	/** Where the output past the maximum goes; {@code null} unless the current message overflowed. */
	private byte[] scratch;

	private long discarded;

	MessageBuffer(int maxSize) {
		if (maxSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + maxSize);
		}
		this.maxSize = maxSize;
		this.array = new byte[initialCapacity()];
	}

	/** @return the array holding the message (its first {@link #length()} bytes) */
	byte[] array() {
		return this.array;
	}

	/** @return how many bytes of the message are held (all of them unless it overflowed) */
	int length() {
		return this.length;
	}

	/** @return whether the message went on past the maximum size */
	boolean isOverflowed() {
		return this.scratch != null;
	}

	/** @return the size of the whole message so far, discarded bytes included */
	long size() {
		return this.length + this.discarded;
	}

	/** @return the array the decompressor writes to next, at {@link #writeOffset()} */
	byte[] writeArray() {
		return isOverflowed() ? this.scratch : this.array;
	}

	/** @return where in {@link #writeArray()} the next bytes go */
	int writeOffset() {
		return isOverflowed() ? 0 : this.length;
	}

	/** @return how many bytes can be written at {@link #writeOffset()} without growing */
	int free() {
		return isOverflowed() ? this.scratch.length : this.array.length - this.length;
	}

	/** Records that {@code count} bytes were written at {@link #writeOffset()}. */
	void advance(int count) {
		if (isOverflowed()) {
			this.discarded += count;
		}
		else {
			this.length += count;
		}
	}

	/**
	 * Appends one byte, growing if needed; past the maximum size the message overflows.
	 */
	void append(byte b) {
		grow();
		if (isOverflowed()) {
			this.discarded++;
		}
		else {
			this.array[this.length++] = b;
		}
	}

	/**
	 * Appends the remaining bytes of {@code source} (consuming them), growing as needed; whatever
	 * goes past the maximum size is only counted.
	 */
	void write(ByteBuffer source) {
		while (source.hasRemaining()) {
			grow();
			if (isOverflowed()) {
				this.discarded += source.remaining();
				source.position(source.limit());
				return;
			}
			int count = Math.min(free(), source.remaining());
			source.get(this.array, this.length, count);
			this.length += count;
		}
	}

	/**
	 * Makes room for at least one more byte: doubles the array, up to the maximum size, or lets
	 * the message overflow once it fills that.
	 */
	void grow() {
		if (free() > 0) {
			return;
		}
		if (this.array.length >= this.maxSize) {
			this.scratch = new byte[SCRATCH_CAPACITY];
			return;
		}
		long doubled = Math.max(INITIAL_CAPACITY, 2L * this.array.length);
		this.array = Arrays.copyOf(this.array, (int) Math.min(this.maxSize, doubled));
	}

	/** Empties the buffer, first handing back the array of an unusually large message. */
	void clear() {
		this.length = 0;
		this.discarded = 0;
		this.scratch = null;
		if (this.array.length > RETAINED_CAPACITY) {
			this.array = new byte[initialCapacity()];
		}
	}

	/** Drops the array entirely; the buffer must not be used afterwards. */
	void release() {
		clear();
		this.array = new byte[0];
	}

	private int initialCapacity() {
		return Math.min(INITIAL_CAPACITY, this.maxSize);
	}

}
