package io.github.discordgateway.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A real redis-server (the binary embedded-redis ships) on a free port of 127.0.0.1, without persistence: a
 * restart starts it empty, as a Redis that lost its data. Registered in a test class,
 * {@code @RegisterExtension static final EmbeddedRedisServer redis = new EmbeddedRedisServer();}, it starts before
 * the first test, is running and empty again after each test (whatever the test stopped or wrote), and stops after
 * the last one.
 */
public final class EmbeddedRedisServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	/** How long a command waits for a Redis that does not answer (one that was stopped, say). */
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	private final int port = freePort();

	private RedisServer server;

	/** The connections the tests share; opened on first use. */
	private LettuceConnectionFactory connections;

	public int port() {
		return this.port;
	}

	/**
	 * The properties that point Spring Boot's Redis connection at this server, with commands that fail after a
	 * second while it is down.
	 */
	public String[] springProperties() {
		return new String[] { "spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + this.port,
				"spring.data.redis.timeout=" + COMMAND_TIMEOUT.toMillis() + "ms" };
	}

	/**
	 * The connections this server's tests share, closed after the last test.
	 */
	public LettuceConnectionFactory connections() {
		if (this.connections == null) {
			this.connections = connectionFactory();
		}
		return this.connections;
	}

	/**
	 * A connection factory of its own (one process's), whose commands fail after a second while Redis is down;
	 * the caller destroys it.
	 */
	public LettuceConnectionFactory connectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.port),
				LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	public static StringRedisTemplate template(LettuceConnectionFactory factory) {
		StringRedisTemplate template = new StringRedisTemplate(factory);
		template.afterPropertiesSet();
		return template;
	}

	public void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the server on its port, empty; does nothing if it runs.
	 */
	public void startAgain() {
		if (this.server != null && this.server.isActive()) {
			return;
		}
		try {
			this.server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(this.port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes every key, on a connection of its own (a shared one may still be reconnecting after a restart).
	 */
	public void flushAll() {
		LettuceConnectionFactory factory = connectionFactory();
		try (RedisConnection connection = factory.getConnection()) {
			connection.serverCommands().flushAll();
		}
		finally {
			factory.destroy();
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		startAgain();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		startAgain();
		flushAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.connections != null) {
			this.connections.destroy();
			this.connections = null;
		}
		if (this.server != null && this.server.isActive()) {
			stop();
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

}
