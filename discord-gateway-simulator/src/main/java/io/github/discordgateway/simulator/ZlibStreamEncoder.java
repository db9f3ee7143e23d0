package io.github.discordgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * {@code compress=zlib-stream}: every message goes through the connection's one deflate context (zlib
 * header on the first), ends with a sync flush ({@code 00 00 ff ff}) and travels in binary frames, split
 * across several frames when configured, as Discord may do.
 */
final class ZlibStreamEncoder implements TransportEncoder {

	/** A sync flush with room for the whole output finishes in one call; a few more are a safety margin. */
	private static final int MAX_DEFLATE_CALLS = 8;

	private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);

	private final int frameSplit;

	ZlibStreamEncoder(int frameSplit) {
		this.frameSplit = frameSplit;
	}

	@Override
	public List<WebSocketFrame> encode(String json) {
		byte[] compressed = deflate(json.getBytes(StandardCharsets.UTF_8));
		int parts = Math.max(1, Math.min(this.frameSplit, compressed.length));
		List<WebSocketFrame> frames = new ArrayList<>(parts);
		for (int i = 0; i < parts; i++) {
			int from = (int) ((long) compressed.length * i / parts);
			int to = (int) ((long) compressed.length * (i + 1) / parts);
			frames.add(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(Arrays.copyOfRange(compressed, from, to))));
		}
		return frames;
	}

	private byte[] deflate(byte[] input) {
		this.deflater.setInput(input);
		// zlib's worst case is a few bytes per 16 KiB block plus header and flush marker.
		byte[] buffer = new byte[input.length + input.length / 1000 + 64];
		int length = 0;
		for (int calls = 0; calls < MAX_DEFLATE_CALLS; calls++) {
			length += this.deflater.deflate(buffer, length, buffer.length - length, Deflater.SYNC_FLUSH);
			if (length < buffer.length) {
				return Arrays.copyOf(buffer, length);
			}
			buffer = Arrays.copyOf(buffer, buffer.length * 2);
		}
		throw new IllegalStateException("deflate did not finish a sync flush of " + input.length + " bytes");
	}

	@Override
	public void release() {
		this.deflater.end();
	}

}
