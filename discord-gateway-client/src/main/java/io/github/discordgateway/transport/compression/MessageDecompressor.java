package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * Turns the binary WebSocket messages of one gateway connection back into gateway messages.
 * WebSocket messages may be fed whole or in the fragments the container delivers.
 * <p>
 * One instance per WebSocket connection, created by {@link TransportCompression#newDecompressor};
 * never shared between connections and never reused after a reconnect (the compression context
 * belongs to the connection). Instances are <strong>not thread-safe</strong>: feed them from the
 * connection's single reader, in arrival order.
 * <p>
 * A gateway message over the maximum size is still decoded, so the stream stays in step, but
 * only its start is kept: it comes back {@linkplain DecompressedMessage#isOversize() oversize},
 * to be skipped, and the next message decodes as usual.
 * <p>
 * After a {@link CorruptStreamException} the stream state is lost: close the connection and
 * start over with a new instance (the stream decompressors refuse further input with an
 * {@link IllegalStateException}). After {@link #close()} input is dropped, not refused: a frame may
 * still arrive while or after its connection closes, and that is no failure.
 */
public interface MessageDecompressor extends AutoCloseable {

	/**
	 * Feeds one complete binary WebSocket message.
	 * @param message the message bytes from position to limit; they are consumed (the
	 * position may be advanced) and not referenced after the call returns
	 * @return as {@link #decompress(ByteBuffer, boolean)}
	 */
	default DecompressedMessage decompress(ByteBuffer message) {
		return decompress(message, true);
	}

	/**
	 * Feeds one fragment of a binary WebSocket message.
	 * @param fragment the fragment's bytes from position to limit; they are consumed (the
	 * position may be advanced) and not referenced after the call returns
	 * @param last whether this fragment ends its WebSocket message
	 * @return the complete decompressed gateway message (possibly
	 * {@linkplain DecompressedMessage#isOversize() oversize}), a view valid until the next call
	 * to this method or {@link #close()}; or {@code null} if the gateway message continues in a
	 * later fragment or WebSocket message, or if the decompressor is closed (the input is dropped)
	 * @throws CorruptStreamException if the stream cannot be decoded
	 * @throws IllegalStateException if the decompressor failed earlier
	 */
	DecompressedMessage decompress(ByteBuffer fragment, boolean last);

	/** Releases the native compression context and buffers. Idempotent. */
	@Override
	void close();

}
