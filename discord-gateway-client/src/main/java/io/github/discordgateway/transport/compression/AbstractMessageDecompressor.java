package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;

/**
 * What every {@link MessageDecompressor} does around its decoding: the reused output buffer, emptied when the
 * message after the one handed out starts; the view handed out; a stream that failed refusing more input; and,
 * once closed, input dropped without a word, since a frame may still arrive while or after its connection closes.
 * Subclasses decode into {@link #output} and free what they hold in {@link #release()}.
 */
abstract class AbstractMessageDecompressor implements MessageDecompressor {

	/** Where the subclass writes the message. */
	final MessageBuffer output;

	private final DecompressedMessage message = new DecompressedMessage();

	private boolean messageHandedOut;

	private boolean failed;

	private boolean closed;

	AbstractMessageDecompressor(int maxMessageSize) {
		this.output = new MessageBuffer(maxMessageSize);
	}

	@Override
	public final DecompressedMessage decompress(ByteBuffer fragment, boolean last) {
		if (this.closed) {
			return null;
		}
		if (this.failed) {
			throw new IllegalStateException(
					"The decompressor failed earlier; open a new connection with a new decompressor");
		}
		if (this.messageHandedOut) {
			this.output.clear();
			this.messageHandedOut = false;
		}
		boolean complete;
		try {
			complete = decode(fragment, last);
		}
		catch (CorruptStreamException ex) {
			this.failed = true;
			throw ex;
		}
		if (!complete) {
			return null;
		}
		this.messageHandedOut = true;
		return this.message.set(this.output);
	}

	/**
	 * Decodes one fragment into {@link #output}.
	 * @param fragment the fragment's bytes, to consume
	 * @param last whether it ends its WebSocket message
	 * @return whether {@link #output} now holds a whole gateway message
	 * @throws CorruptStreamException if the stream cannot be decoded
	 */
	abstract boolean decode(ByteBuffer fragment, boolean last);

	/** Frees what the subclass holds (a native context); called once, by the first {@link #close()}. */
	abstract void release();

	/** @return the current output array size; for tests of the buffer policy */
	final int bufferCapacity() {
		return this.output.array().length;
	}

	@Override
	public final void close() {
		if (!this.closed) {
			this.closed = true;
			release();
			this.output.release();
		}
	}

}
