package io.github.discordgateway.transport.compression;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;

/**
 * Decompressor for {@code compress=zstd-stream}, on zstd-jni (the reference libzstd through JNI).
 * One decompression context lives for the whole connection. Each WebSocket message is exactly
 * one gateway message, and the gateway only flushes (it does not end the zstd frame), so a
 * message is complete once the last fragment of its WebSocket message is consumed and the
 * decoder stopped with room left in the output: it has then flushed everything it could decode.
 * <p>
 * Needs {@code com.github.luben:zstd-jni} on the class path (an optional dependency); create it
 * through {@link TransportCompression#ZSTD_STREAM}, which reports a missing library clearly.
 * Not thread-safe; one instance per connection (see {@link MessageDecompressor}).
 * {@link #close()} frees the native context, so it must be called when the connection ends.
 */
public final class ZstdStreamDecompressor extends AbstractMessageDecompressor {

	/** Native contexts created and not yet closed, in this JVM; tests check that none leak. */
	private static final AtomicInteger openContexts = new AtomicInteger();

	private final ZstdDecompressCtx context;

	private final ByteBuffer probe = ByteBuffer.allocate(1);

	/** Wraps the output array for zstd-jni; replaced only when the array is. */
	private ByteBuffer outputView;

	/**
	 * @param maxMessageSize the largest decompressed gateway message accepted, in bytes
	 * @throws LinkageError if zstd-jni is missing or cannot load its native library
	 */
	public ZstdStreamDecompressor(int maxMessageSize) {
		super(maxMessageSize);
		this.context = new ZstdDecompressCtx();
		openContexts.incrementAndGet();
	}

	/** @return how many native contexts are open in this JVM */
	static int openContexts() {
		return openContexts.get();
	}

	@Override
	boolean decode(ByteBuffer fragment, boolean last) {
		try {
			decodeStream(readable(fragment));
		}
		catch (ZstdException ex) {
			throw new CorruptStreamException("The zstd-stream is corrupt: " + ex.getMessage(), ex);
		}
		return last;
	}

	private void decodeStream(ByteBuffer source) {
		if (!source.hasRemaining()) {
			// Each decode ends with everything flushed, so there is nothing to get out; and libzstd fails a
			// stream after a number of calls without input.
			return;
		}
		MessageBuffer out = this.output;
		while (true) {
			int consumedBefore = source.position();
			long sizeBefore = out.size();
			if (out.free() > 0) {
				ByteBuffer view = outputView();
				int offset = view.position();
				this.context.decompressByteBufferStream(view, source);
				out.advance(view.position() - offset);
				if (view.hasRemaining() && !source.hasRemaining()) {
					return;
				}
			}
			else {
				// Full: only grow (or overflow past the limit) if the message really goes on.
				this.probe.clear();
				this.context.decompressByteBufferStream(this.probe, source);
				if (this.probe.position() == 1) {
					out.append(this.probe.get(0));
				}
				else if (!source.hasRemaining()) {
					return;
				}
			}
			if (source.position() == consumedBefore && out.size() == sizeBefore) {
				// libzstd always progresses while it has input and room; this guards the reader thread.
				throw new CorruptStreamException("The zstd-stream made no progress", null);
			}
		}
	}

	private ByteBuffer outputView() {
		byte[] array = this.output.writeArray();
		if (this.outputView == null || this.outputView.array() != array) {
			this.outputView = ByteBuffer.wrap(array);
		}
		return this.outputView.limit(array.length).position(this.output.writeOffset());
	}

	private static ByteBuffer readable(ByteBuffer input) {
		if (input.isDirect() || input.hasArray()) {
			return input;
		}
		// zstd-jni reads only direct or array-backed buffers, and a read-only heap buffer hides its
		// array. No WebSocket client here hands those out, so a copy on this rare path is fine.
		ByteBuffer copy = ByteBuffer.allocate(input.remaining());
		copy.put(input).flip();
		return copy;
	}

	@Override
	void release() {
		this.context.close();
		openContexts.decrementAndGet();
	}

}
