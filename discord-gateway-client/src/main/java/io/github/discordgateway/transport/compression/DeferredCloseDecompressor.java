package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * Lets a decompressor be closed from any thread. The socket's thread decodes while a close may come from
 * another (a heartbeat timer closing a zombie connection, a shutdown); freeing a native context under a running
 * decode would crash the JVM or leak the context, so a close that arrives during a decode is carried out by the
 * decoding thread as soon as the decode returns. Input after the close is dropped, as by every decompressor. The
 * lock is held only to check and set the two flags, never during a decode.
 */
final class DeferredCloseDecompressor implements MessageDecompressor {

	private final MessageDecompressor delegate;

	private final Object lock = new Object();

	private boolean decoding;

	private boolean closed;

	DeferredCloseDecompressor(MessageDecompressor delegate) {
		this.delegate = delegate;
	}

	@Override
	public DecompressedMessage decompress(ByteBuffer fragment, boolean last) {
		synchronized (this.lock) {
			if (this.closed) {
				return null;
			}
			this.decoding = true;
		}
		boolean closeNow;
		try {
			return this.delegate.decompress(fragment, last);
		}
		finally {
			synchronized (this.lock) {
				this.decoding = false;
				closeNow = this.closed;
			}
			if (closeNow) {
				this.delegate.close();
			}
		}
	}

	@Override
	public void close() {
		synchronized (this.lock) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			if (this.decoding) {
				return;
			}
		}
		this.delegate.close();
	}

	/** @return the decompressor this one guards; for tests */
	MessageDecompressor delegate() {
		return this.delegate;
	}

}
