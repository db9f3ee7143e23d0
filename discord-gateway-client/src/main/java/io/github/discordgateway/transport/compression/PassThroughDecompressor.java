package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * The {@link TransportCompression#NONE} case: each binary WebSocket message already is one
 * uncompressed gateway message. It is copied into the reused buffer so callers handle every
 * transport the same way, including the maximum message size.
 */
final class PassThroughDecompressor implements MessageDecompressor {

	private final MessageBuffer output;

	private final DecompressedMessage message = new DecompressedMessage();

	private boolean closed;

	PassThroughDecompressor(int maxMessageSize) {
		this.output = new MessageBuffer(maxMessageSize);
	}

	@Override
	public DecompressedMessage decompress(ByteBuffer input) {
		if (this.closed) {
			throw new IllegalStateException("The decompressor is closed");
		}
		this.output.clear();
		int length = input.remaining();
		this.output.ensureCapacity(length);
		input.get(this.output.array(), 0, length);
		this.output.advance(length);
		return this.message.set(this.output.array(), length);
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.output.release();
		}
	}

}
