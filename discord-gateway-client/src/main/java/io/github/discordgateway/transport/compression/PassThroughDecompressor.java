package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * The {@link TransportCompression#NONE} case: each WebSocket message already is one
 * uncompressed gateway message. Its fragments are joined in the reused buffer so callers handle
 * every transport the same way, including the maximum message size.
 */
final class PassThroughDecompressor extends AbstractMessageDecompressor {

	PassThroughDecompressor(int maxMessageSize) {
		super(maxMessageSize);
	}

	@Override
	boolean decode(ByteBuffer fragment, boolean last) {
		this.output.write(fragment);
		return last;
	}

	@Override
	void release() {
		// Nothing native: the buffer is all it holds.
	}

}
