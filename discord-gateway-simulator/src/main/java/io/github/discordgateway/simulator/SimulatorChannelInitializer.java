package io.github.discordgateway.simulator;

import java.util.concurrent.atomic.AtomicReference;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslContext;

/**
 * The pipeline of an accepted connection: HTTP, then either REST or the WebSocket handshake followed by
 * the gateway handler. Close frames reach the gateway handler untouched so the client's code is recorded;
 * fragmented client messages are aggregated.
 */
final class SimulatorChannelInitializer extends ChannelInitializer<SocketChannel> {

	private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

	private static final int MAX_REST_BODY_BYTES = 1024 * 1024;

	private static final long HANDSHAKE_TIMEOUT_MILLIS = 5000;

	private final AtomicReference<SimulatorContext> context;

	private final GatewayPort port;

	private final ChannelGroup openChannels;

	private final SslContext sslContext;

	/**
	 * @param context set once both ports are bound (the context needs their URLs); connections that come
	 * earlier are refused
	 * @param sslContext the TLS context in front of HTTP, or {@code null} for plain text
	 */
	SimulatorChannelInitializer(AtomicReference<SimulatorContext> context, GatewayPort port, ChannelGroup openChannels,
			SslContext sslContext) {
		this.context = context;
		this.port = port;
		this.openChannels = openChannels;
		this.sslContext = sslContext;
	}

	@Override
	protected void initChannel(SocketChannel channel) {
		SimulatorContext simulator = this.context.get();
		if (simulator == null) {
			channel.close();
			return;
		}
		this.openChannels.add(channel);
		WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
			.websocketPath("/")
			.checkStartsWith(true)
			.handleCloseFrames(false)
			// Netty would otherwise send close 1000 whenever the channel closes, turning every drop into a close.
			.sendCloseFrame(null)
			.maxFramePayloadLength(MAX_MESSAGE_BYTES)
			.handshakeTimeoutMillis(HANDSHAKE_TIMEOUT_MILLIS)
			.build();
		if (this.sslContext != null) {
			channel.pipeline().addLast(this.sslContext.newHandler(channel.alloc()));
		}
		channel.pipeline()
			.addLast(new HttpServerCodec())
			.addLast(new HttpObjectAggregator(MAX_REST_BODY_BYTES))
			.addLast(new RestHandler(simulator, this.port == GatewayPort.GATEWAY))
			.addLast(new WebSocketServerProtocolHandler(webSocket))
			.addLast(new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
			.addLast(new GatewayConnectionHandler(simulator, this.port));
	}

}
