package io.github.discordgateway.test.simulator;

import java.util.List;
import java.util.Optional;

import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Turns each outgoing gateway message into WebSocket frames, as the connection's {@code compress} query
 * parameter asks. One instance per connection, used only from its event loop, in message order.
 */
interface TransportEncoder {

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
	 * Picks the encoder for a {@code compress} query value. This is the place to add {@code zstd-stream}.
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
		return Optional.empty();
	}

}
