package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompressor for {@code compress=zlib-stream}: the whole connection is one zlib stream, and
 * each gateway message ends with a {@code Z_SYNC_FLUSH}, that is the bytes {@code 00 00 FF FF}.
 * A gateway message may span several WebSocket messages.
 * <p>
 * Rather than buffering the compressed bytes until the suffix arrives and inflating them then,
 * each WebSocket message is inflated as it arrives into the output buffer. The output is the
 * same (one inflate context fed in order), and no second buffer is needed for the compressed
 * input. The message is handed out when the input seen so far ends with the suffix, which may
 * itself be split across WebSocket messages.
 * <p>
 * Not thread-safe; one instance per connection (see {@link MessageDecompressor}). {@link #close()}
 * frees the native zlib state, so it must be called when the connection ends.
 */
public final class ZlibStreamDecompressor extends AbstractMessageDecompressor {

	private static final int SYNC_FLUSH_SUFFIX = 0x0000FFFF;

	private final Inflater inflater = new Inflater();

	private final byte[] probe = new byte[1];

	/*
	 * The last four input bytes, oldest in the high byte. It starts as if a message had just
	 * ended with ...FF FF: fewer than four new bytes can then never complete the suffix with it.
	 */
	private int lastFourBytes = -1;

	/** Whether input arrived since the last message was handed out. */
	private boolean messageStarted;

	/**
	 * @param maxMessageSize the largest decompressed gateway message accepted, in bytes
	 */
	public ZlibStreamDecompressor(int maxMessageSize) {
		super(maxMessageSize);
	}

	@Override
	boolean decode(ByteBuffer fragment, boolean last) {
		if (fragment.hasRemaining()) {
			this.messageStarted = true;
			trackLastFourBytes(fragment);
		}
		// The suffix counts only at the end of a WebSocket message (whose last fragment may be empty): inside
		// one it may be chance.
		boolean complete = last && this.messageStarted && this.lastFourBytes == SYNC_FLUSH_SUFFIX;
		try {
			inflate(fragment);
		}
		catch (DataFormatException ex) {
			throw new CorruptStreamException("The zlib-stream is corrupt: " + ex.getMessage(), ex);
		}
		if (complete) {
			this.messageStarted = false;
		}
		return complete;
	}

	/** Shifts the input's last (up to four) bytes into {@link #lastFourBytes}. */
	private void trackLastFourBytes(ByteBuffer input) {
		int limit = input.limit();
		for (int i = Math.max(input.position(), limit - 4); i < limit; i++) {
			this.lastFourBytes = (this.lastFourBytes << 8) | (input.get(i) & 0xFF);
		}
	}

	private void inflate(ByteBuffer input) throws DataFormatException {
		Inflater inflater = this.inflater;
		MessageBuffer out = this.output;
		inflater.setInput(input);
		while (true) {
			long progress = inflater.getBytesRead() + inflater.getBytesWritten();
			if (out.free() > 0) {
				int room = out.free();
				int written = inflater.inflate(out.writeArray(), out.writeOffset(), room);
				out.advance(written);
				if (written < room && inflater.needsInput()) {
					return;
				}
			}
			else if (inflater.inflate(this.probe, 0, 1) == 1) {
				// Full and the message goes on: only now grow (or overflow past the limit). Probing
				// first lets a message of exactly the maximum size through whole.
				out.append(this.probe[0]);
			}
			else if (inflater.needsInput()) {
				return;
			}
			if (inflater.finished()) {
				throw new CorruptStreamException("The zlib-stream ended, but the gateway sent more data", null);
			}
			if (inflater.needsDictionary()) {
				throw new CorruptStreamException("The zlib-stream asks for a preset dictionary", null);
			}
			if (inflater.getBytesRead() + inflater.getBytesWritten() == progress) {
				// zlib always progresses while it has input and room; this guards the reader thread.
				throw new CorruptStreamException("The zlib-stream made no progress", null);
			}
		}
	}

	@Override
	void release() {
		this.inflater.end();
	}

}
