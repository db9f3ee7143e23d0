package io.github.discordgateway.simulator;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The Netty server behind a simulator: two loopback listeners on ephemeral ports (the gateway URL and the
 * resume URL) sharing one small event loop group.
 */
final class SimulatorServer implements AutoCloseable {

	private static final int EVENT_LOOP_THREADS = 2;

	private static final long SHUTDOWN_TIMEOUT_MILLIS = 5000;

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS, NioIoHandler.newFactory());

	private final ChannelGroup openChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private final AtomicReference<SimulatorContext> context;

	SimulatorServer(AtomicReference<SimulatorContext> context) {
		this.context = context;
	}

	/**
	 * Listens on 127.0.0.1 on an ephemeral port.
	 * @param sslContext the TLS context to serve with, or {@code null} for plain text
	 * @return the port
	 */
	int listen(GatewayPort port, SslContext sslContext) {
		Channel server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new SimulatorChannelInitializer(this.context, port, this.openChannels, sslContext))
			.bind(new InetSocketAddress(GatewaySimulator.HOST, 0))
			.syncUninterruptibly()
			.channel();
		this.openChannels.add(server);
		return ((InetSocketAddress) server.localAddress()).getPort();
	}

	/** Closes listeners and connections at once (no close frames) and stops the event loops. */
	@Override
	public void close() {
		this.openChannels.close().awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
		this.group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
			.awaitUninterruptibly(SHUTDOWN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

}
