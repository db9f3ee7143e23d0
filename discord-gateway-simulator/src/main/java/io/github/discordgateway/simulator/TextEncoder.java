package io.github.discordgateway.simulator;

import java.util.List;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * No transport compression: one UTF-8 text frame per message.
 */
final class TextEncoder implements TransportEncoder {

	@Override
	public List<WebSocketFrame> encode(String json) {
		return List.of(new TextWebSocketFrame(json));
	}

	@Override
	public void release() {
	}

}
