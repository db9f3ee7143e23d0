package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * Turns the binary WebSocket messages of one gateway connection back into gateway messages.
 * <p>
 * One instance per WebSocket connection, created by {@link TransportCompression#newDecompressor};
 * never shared between connections and never reused after a reconnect (the compression context
 * belongs to the connection). Instances are <strong>not thread-safe</strong>: feed them from the
 * connection's single reader, in arrival order.
 * <p>
 * After a {@link DecompressionException} the stream state is lost: close the connection and
 * start over with a new instance (the stream decompressors refuse further input with an
 * {@link IllegalStateException}).
 */
public interface MessageDecompressor extends AutoCloseable {

	/**
	 * Feeds one complete binary WebSocket message.
	 * @param message the message bytes from position to limit; they are consumed (the
	 * position may be advanced) and not referenced after the call returns
	 * @return the complete decompressed gateway message, a view valid until the next call to
	 * this method or {@link #close()}; or {@code null} if the gateway message continues in a
	 * later WebSocket message
	 * @throws MessageTooLargeException if the gateway message exceeds the configured maximum
	 * @throws CorruptStreamException if the stream cannot be decoded
	 * @throws IllegalStateException if the decompressor is closed or failed earlier
	 */
	DecompressedMessage decompress(ByteBuffer message);

	/** Releases the native compression context and buffers. Idempotent. */
	@Override
	void close();

}
