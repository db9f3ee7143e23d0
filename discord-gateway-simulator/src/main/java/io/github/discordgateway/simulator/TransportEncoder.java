package io.github.discordgateway.simulator;

import java.util.List;
import java.util.Optional;

import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Turns each outgoing gateway message into WebSocket frames, as the connection's {@code compress} query
 * parameter asks. One instance per connection, used only from its event loop, in message order.
 */
interface TransportEncoder {

	/** Whether zstd-jni is on the class path; checked by name so the simulator runs without it. */
	boolean ZSTD_AVAILABLE = isPresent("com.github.luben.zstd.ZstdCompressCtx");

	/**
	 * Encodes one message.
	 * @param json the message
	 * @return the frames to write, in order
	 */
	List<WebSocketFrame> encode(String json);

	/**
	 * Frees what the encoder holds (native zlib memory); called once when the connection closes.
	 */
	void release();

	/**
	 * Picks the encoder for a {@code compress} query value. {@code zstd-stream} is supported only when zstd-jni
	 * is on the class path (an optional dependency of this module); without it that value closes with 4002 like
	 * any other the simulator does not know.
	 * @param compress the value, or {@code null} when the parameter is absent
	 * @param options the simulator options
	 * @return the encoder, or empty for a value the simulator does not support
	 */
	static Optional<TransportEncoder> forCompress(String compress, SimulatorOptions options) {
		if (compress == null) {
			return Optional.of(new TextEncoder());
		}
		if (compress.equals("zlib-stream")) {
			return Optional.of(new ZlibStreamEncoder(options.zlibFrameSplit()));
		}
		if (compress.equals("zstd-stream") && ZSTD_AVAILABLE) {
			return Optional.of(new ZstdStreamEncoder());
		}
		return Optional.empty();
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, TransportEncoder.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
