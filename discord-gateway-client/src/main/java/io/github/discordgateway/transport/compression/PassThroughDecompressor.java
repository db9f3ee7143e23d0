package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * The {@link TransportCompression#NONE} case: each WebSocket message already is one
 * uncompressed gateway message. Its fragments are joined in the reused buffer so callers handle
 * every transport the same way, including the maximum message size.
 */
final class PassThroughDecompressor implements MessageDecompressor {

	private final MessageBuffer output;

	private final DecompressedMessage message = new DecompressedMessage();

	private boolean messageHandedOut;

	private boolean closed;

	PassThroughDecompressor(int maxMessageSize) {
		this.output = new MessageBuffer(maxMessageSize);
	}

	@Override
	public DecompressedMessage decompress(ByteBuffer fragment, boolean last) {
		if (this.closed) {
			throw new IllegalStateException("The decompressor is closed");
		}
		if (this.messageHandedOut) {
			this.output.clear();
			this.messageHandedOut = false;
		}
		this.output.write(fragment);
		if (!last) {
			return null;
		}
		this.messageHandedOut = true;
		return this.message.set(this.output);
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.output.release();
		}
	}

}
