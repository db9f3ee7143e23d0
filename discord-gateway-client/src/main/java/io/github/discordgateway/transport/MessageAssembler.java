package io.github.discordgateway.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.discordgateway.transport.compression.MessageTooLargeException;

/**
 * Joins the fragments of one WebSocket message. The container delivers large messages in parts (its own buffers
 * stay small, which keeps an idle connection cheap), so the whole message is assembled here, up to a limit.
 * Not thread-safe: one per connection, used on its I/O thread.
 */
final class MessageAssembler {

	private static final int INITIAL_CAPACITY = 8 * 1024;

	private final int maxMessageSize;

	private byte[] buffer = new byte[0];

	private int length;

	MessageAssembler(int maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	/**
	 * Adds a fragment; returns the whole message (a fresh array of exactly its length) when this was the last
	 * fragment, {@code null} otherwise.
	 */
	byte[] append(ByteBuffer fragment, boolean last) {
		if (last && this.length == 0) {
			checkSize(fragment.remaining());
			byte[] whole = new byte[fragment.remaining()];
			fragment.get(whole);
			return whole;
		}
		int size = fragment.remaining();
		ensureCapacity(size);
		fragment.get(this.buffer, this.length, size);
		this.length += size;
		return last ? take() : null;
	}

	/**
	 * Adds a text fragment, kept as UTF-8.
	 */
	byte[] append(String fragment, boolean last) {
		return append(ByteBuffer.wrap(fragment.getBytes(StandardCharsets.UTF_8)), last);
	}

	/**
	 * Whether no fragment of an unfinished message is held.
	 */
	boolean isEmpty() {
		return this.length == 0;
	}

	private void ensureCapacity(int more) {
		checkSize((long) this.length + more);
		if (this.length + more > this.buffer.length) {
			long grown = Math.max((long) this.length + more, Math.max(INITIAL_CAPACITY, this.buffer.length * 2L));
			this.buffer = Arrays.copyOf(this.buffer, (int) Math.min(grown, Integer.MAX_VALUE - 8));
		}
	}

	private void checkSize(long size) {
		if (size > this.maxMessageSize) {
			this.length = 0;
			throw new MessageTooLargeException(this.maxMessageSize);
		}
	}

	private byte[] take() {
		byte[] whole = Arrays.copyOf(this.buffer, this.length);
		this.length = 0;
		if (this.buffer.length > INITIAL_CAPACITY * 8) {
			// One huge GUILD_CREATE should not pin megabytes to an idle connection.
			this.buffer = new byte[0];
		}
		return whole;
	}

}
