package io.github.discordgateway.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

import org.springframework.data.redis.connection.RedisClusterConfiguration;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.FileSystemUtils;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis Cluster of three masters (the redis-server binary embedded-redis ships) on free ports of
 * 127.0.0.1, the 16,384 hash slots split between them, without persistence. Each node keeps its cluster
 * configuration in a file of its own, so a node that restarts rejoins with its id and its slots but without its
 * data, as a master that lost its memory. Registered in a test class, it forms the cluster before the first test,
 * has every node running and empty after each test, and stops the nodes after the last one.
 */
public final class EmbeddedRedisCluster implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	private static final int NODES = 3;

	private static final int SLOTS = 16_384;

	/** How long a command waits for a node that does not answer (one that was stopped, say). */
	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

	/** Redis 6 puts a node's cluster bus on its port plus 10,000. */
	private static final int BUS_PORT_OFFSET = 10_000;

	private final List<Integer> ports = new ArrayList<>();

	private final RedisServer[] servers = new RedisServer[NODES];

	private Path configurationDirectory;

	private LettuceConnectionFactory connections;

	/**
	 * The connections this cluster's tests share, cluster-aware (a command goes to the node serving its keys' slot);
	 * closed after the last test.
	 */
	public LettuceConnectionFactory connections() {
		if (this.connections == null) {
			this.connections = connectionFactory();
		}
		return this.connections;
	}

	/**
	 * A cluster-aware connection factory of its own (one process's), whose commands fail after a second while the
	 * node they go to is down; the caller destroys it.
	 */
	public LettuceConnectionFactory connectionFactory() {
		RedisClusterConfiguration cluster = new RedisClusterConfiguration(
				this.ports.stream().map((port) -> "127.0.0.1:" + port).toList());
		LettuceConnectionFactory factory = new LettuceConnectionFactory(cluster,
				LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build());
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** The node, by index, that listens on a port. */
	public int nodeOnPort(int port) {
		return this.ports.indexOf(port);
	}

	public void stop(int node) {
		try {
			this.servers[node].stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts a node again, empty but with its cluster configuration, and waits until the cluster is whole.
	 */
	public void startAgain(int node) {
		start(node);
		awaitClusterOk();
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.configurationDirectory = Files.createTempDirectory("redis-cluster");
		for (int node = 0; node < NODES; node++) {
			this.ports.add(freePortWithFreeBusPort(this.ports));
			start(node);
		}
		for (int node = 0; node < NODES; node++) {
			List<String> addSlots = new ArrayList<>(List.of("ADDSLOTS"));
			IntStream.range(node * SLOTS / NODES, (node + 1) * SLOTS / NODES)
				.forEach((slot) -> addSlots.add(Integer.toString(slot)));
			command(node, addSlots.toArray(String[]::new));
		}
		for (int node = 1; node < NODES; node++) {
			command(0, "MEET", "127.0.0.1", Integer.toString(this.ports.get(node)));
		}
		awaitClusterOk();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (int node = 0; node < NODES; node++) {
			if (!this.servers[node].isActive()) {
				startAgain(node);
			}
		}
		for (int node = 0; node < NODES; node++) {
			onNode(node, (connection) -> {
				connection.serverCommands().flushAll();
				return null;
			});
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.connections != null) {
			this.connections.destroy();
			this.connections = null;
		}
		for (RedisServer server : this.servers) {
			if (server != null && server.isActive()) {
				server.stop();
			}
		}
		FileSystemUtils.deleteRecursively(this.configurationDirectory);
	}

	private void start(int node) {
		int port = this.ports.get(node);
		try {
			this.servers[node] = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.setting("cluster-enabled yes")
				.setting("cluster-config-file " + this.configurationDirectory.resolve("nodes-" + port + ".conf"))
				.setting("cluster-node-timeout 2000")
				// While one master is down the others go on serving their slots.
				.setting("cluster-require-full-coverage no")
				.build();
			this.servers[node].start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Until every node knows the others and sees every slot served. */
	private void awaitClusterOk() {
		await().atMost(Duration.ofSeconds(30)).until(() -> IntStream.range(0, NODES).allMatch((node) -> {
			String info = new String((byte[]) command(node, "INFO"), StandardCharsets.UTF_8);
			return info.contains("cluster_state:ok") && info.contains("cluster_known_nodes:" + NODES)
					&& info.contains("cluster_slots_ok:" + SLOTS);
		}));
	}

	/** {@code CLUSTER <arguments>} on one node. */
	private Object command(int node, String... arguments) {
		byte[][] bytes = Arrays.stream(arguments)
			.map((argument) -> argument.getBytes(StandardCharsets.US_ASCII))
			.toArray(byte[][]::new);
		return onNode(node, (connection) -> connection.execute("CLUSTER", bytes));
	}

	private <T> T onNode(int node, Function<RedisConnection, T> action) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", this.ports.get(node)),
				LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build());
		factory.afterPropertiesSet();
		factory.start();
		try (RedisConnection connection = factory.getConnection()) {
			return action.apply(connection);
		}
		finally {
			factory.destroy();
		}
	}

	/** A free port, not yet taken, whose cluster bus port is free too; a few tries at most. */
	private static int freePortWithFreeBusPort(List<Integer> taken) {
		for (int attempt = 0; attempt < 50; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(20_000, 65_536 - BUS_PORT_OFFSET);
			if (!taken.contains(port) && isFree(port) && isFree(port + BUS_PORT_OFFSET)) {
				return port;
			}
		}
		throw new IllegalStateException("No free pair of loopback ports for a cluster node");
	}

	private static boolean isFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
