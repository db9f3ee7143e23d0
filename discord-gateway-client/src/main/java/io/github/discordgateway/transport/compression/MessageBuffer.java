package io.github.discordgateway.transport.compression;

import java.util.Arrays;

/**
 * The growable output array a decompressor writes one message into. It starts small so an idle
 * connection holds little heap, doubles as a message needs it, never grows past the maximum
 * message size, and drops back to the initial size when the message after an unusually large
 * one (say a GUILD_CREATE of a big guild) starts, so one burst does not pin megabytes for the
 * life of the connection. Heartbeat ACKs keep arriving, so an idle connection gets there too.
 */
final class MessageBuffer {

	static final int INITIAL_CAPACITY = 16 * 1024;

	/** Buffers up to this size are kept between messages; larger ones are dropped on {@link #clear()}. */
	static final int RETAINED_CAPACITY = 64 * 1024;

	private final int maxSize;

	private byte[] array;

	private int length;

	MessageBuffer(int maxSize) {
		if (maxSize < 1) {
			throw new IllegalArgumentException("maxMessageSize must be at least 1 byte, was " + maxSize);
		}
		this.maxSize = maxSize;
		this.array = new byte[initialCapacity()];
	}

	byte[] array() {
		return this.array;
	}

	int length() {
		return this.length;
	}

	/** @return how many bytes can be written at {@link #length()} without growing */
	int free() {
		return this.array.length - this.length;
	}

	void advance(int count) {
		this.length += count;
	}

	/**
	 * Appends one byte, growing if needed.
	 * @throws MessageTooLargeException if the buffer already holds the maximum message size
	 */
	void append(byte b) {
		ensureCapacity(this.length + 1);
		this.array[this.length++] = b;
	}

	/**
	 * Makes the array at least {@code capacity} bytes long, at least doubling it to keep the
	 * number of copies logarithmic.
	 * @throws MessageTooLargeException if {@code capacity} exceeds the maximum message size
	 */
	void ensureCapacity(int capacity) {
		if (capacity <= this.array.length) {
			return;
		}
		if (capacity > this.maxSize) {
			throw new MessageTooLargeException(this.maxSize);
		}
		int doubled = (int) Math.min(this.maxSize, 2L * this.array.length);
		this.array = Arrays.copyOf(this.array, Math.max(capacity, doubled));
	}

	/** Empties the buffer, first handing back the array of an unusually large message. */
	void clear() {
		this.length = 0;
		if (this.array.length > RETAINED_CAPACITY) {
			this.array = new byte[initialCapacity()];
		}
	}

	/** Drops the array entirely; the buffer must not be used afterwards. */
	void release() {
		this.length = 0;
		this.array = new byte[0];
	}

	private int initialCapacity() {
		return Math.min(INITIAL_CAPACITY, this.maxSize);
	}

}
