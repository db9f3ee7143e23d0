package io.github.discordgateway.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.Backoff;
import io.github.discordgateway.session.ConnectionSettings;
import io.github.discordgateway.session.DeliverySettings;
import io.github.discordgateway.session.DispatchWatchdog;
import io.github.discordgateway.session.ExecutorScheduler;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.IdentifySettings;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardManager;

/**
 * One process of a sharded bot whose shards never connect, its shards shared with others through
 * {@link ShardLeases}: a shard manager, its leases and its own Redis connection.
 *
 * @param manager the shard manager, started
 * @param leases the leases it runs its shards by
 * @param connection its connection to Redis
 */
record LeasedProcess(ShardManager manager, ShardLeases leases, LettuceConnectionFactory connection) {

	/** The bot's shard count. */
	static final int SHARDS = 4;

	/**
	 * Starts a process on a connection of its own; what it opens is closed after the test.
	 */
	static LeasedProcess start(LettuceConnectionFactory connection, RedisKeys keys, String name, int maxShards,
			Duration lease, CloseAfterEach cleanUp) {
		cleanUp.add(connection::destroy);
		ShardLeases leases = new ShardLeases(EmbeddedRedisServer.template(connection), keys, name, maxShards, lease);
		cleanUp.add(leases);
		ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
		cleanUp.add(timers::shutdownNow);
		ExecutorScheduler scheduler = new ExecutorScheduler(timers);
		GatewayJson json = new GatewayJson();
		ShardSettings template = new ShardSettings(0, 1,
				new IdentifySettings("secret-token", 513, 50, new ConnectionProperties("linux", "lib", "lib"), null),
				new ConnectionSettings(null, ConnectionSettings.DEFAULT_HELLO_TIMEOUT,
						new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), () -> 0.5), Duration.ofSeconds(1),
						Duration.ofSeconds(5), 3),
				DeliverySettings.withQueueCapacity(100), DispatchWatchdog.OFF);
		ShardManager manager = new ShardManager(new ShardManager.Settings(null, SHARDS, true), template, scheduler,
				(gatewayUrl, identifyQueue) -> new Shard.Collaborators((uri, handler) -> new CompletableFuture<>(),
						scheduler, json, identifyQueue, new InMemorySessionStore(), GatewayObserver.NONE, Runnable::run,
						gatewayUrl, DispatchEventFactory.generic(json), () -> 0.5),
				() -> new GatewayBot("ws://127.0.0.1:1", SHARDS, new GatewayBot.SessionStartLimit(1000, 1000, 1000, 1)),
				(limit) -> IdentifyQueue.NONE, (event) -> {
				}, DeliveryExecutor.pool(2), leases);
		cleanUp.add(() -> manager.stop(Duration.ofSeconds(1)));
		manager.start();
		return new LeasedProcess(manager, leases, connection);
	}

	/** The shards this process runs: those it started and has not stopped. */
	List<Integer> running() {
		return this.manager.statuses()
			.stream()
			.filter((status) -> status.state() != ShardState.STOPPED)
			.map(ShardStatus::shardId)
			.toList();
	}

}
