package io.github.discordgateway.simulator;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * {@code compress=zstd-stream}: every message goes through the connection's one compression context and is
 * flushed, not ended, so the zstd frame stays open for the whole connection (a client that expects a frame end
 * per message, or resets its context between messages, fails). One binary WebSocket message per gateway message,
 * as Discord sends it. Only loaded when zstd-jni is on the class path (see {@link TransportEncoder}).
 */
final class ZstdStreamEncoder implements TransportEncoder {

	/** A flush with room for the whole bound finishes in one call; a few more are a safety margin. */
	private static final int MAX_FLUSH_CALLS = 8;

	private final ZstdCompressCtx context = new ZstdCompressCtx();

	@Override
	public List<WebSocketFrame> encode(String json) {
		ByteBuffer input = ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
		// zstd's worst case is the input plus a small block overhead.
		ByteBuffer output = ByteBuffer.allocate(input.remaining() + input.remaining() / 128 + 64);
		for (int calls = 0; calls < MAX_FLUSH_CALLS; calls++) {
			if (this.context.compressByteBufferStream(output, input, EndDirective.FLUSH)) {
				output.flip();
				return List.of(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(output)));
			}
			ByteBuffer larger = ByteBuffer.allocate(output.capacity() * 2);
			output.flip();
			output = larger.put(output);
		}
		throw new IllegalStateException("zstd did not finish a flush of " + json.length() + " chars");
	}

	@Override
	public void release() {
		this.context.close();
	}

}
