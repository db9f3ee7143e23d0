package io.github.discordgateway.benchmarks;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/**
 * Answers the client's bootstrap ({@code GET /api/v10/gateway/bot}) on the load server's port with one shard and
 * an ample session start limit; every other request goes on to the WebSocket handshake.
 */
final class GatewayBotEndpoint extends ChannelInboundHandlerAdapter {

	private static final String BODY = "{\"url\":\"ws://127.0.0.1\",\"shards\":1,\"session_start_limit\":"
			+ "{\"total\":1000,\"remaining\":1000,\"reset_after\":86400000,\"max_concurrency\":1}}";

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) {
		if (message instanceof FullHttpRequest request && request.uri().endsWith("/gateway/bot")) {
			request.release();
			FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
					Unpooled.copiedBuffer(BODY, StandardCharsets.UTF_8));
			response.headers()
				.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
			return;
		}
		ctx.fireChannelRead(message);
	}

}
