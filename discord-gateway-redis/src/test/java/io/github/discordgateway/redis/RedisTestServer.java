package io.github.discordgateway.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A real Redis server (the one the embedded-redis jar carries) on a free port of 127.0.0.1, for one test class:
 * started by {@link #start()}, stopped by {@link #close()}.
 */
public final class RedisTestServer implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private RedisTestServer(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts a server without persistence on a free loopback port.
	 */
	public static RedisTestServer start() {
		int port = freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return new RedisTestServer(server, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start redis-server on 127.0.0.1:" + port, ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	/**
	 * The properties that point Spring Boot's Redis connection at this server.
	 */
	public String[] springProperties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port };
	}

	/**
	 * A started connection factory to this server; the caller destroys it.
	 */
	public LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
