package io.github.discordgateway.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.event.DeliveryExecutor;
import io.github.discordgateway.event.DispatchEventFactory;
import io.github.discordgateway.protocol.ConnectionProperties;
import io.github.discordgateway.protocol.GatewayJson;
import io.github.discordgateway.rest.GatewayBot;
import io.github.discordgateway.session.Backoff;
import io.github.discordgateway.session.ExecutorScheduler;
import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.InMemorySessionStore;
import io.github.discordgateway.session.Session;
import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.ShardSettings;
import io.github.discordgateway.session.DispatchWatchdog;
import io.github.discordgateway.session.IdentifySettings;
import io.github.discordgateway.session.DeliverySettings;
import io.github.discordgateway.session.ConnectionSettings;
import io.github.discordgateway.session.ShardState;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shard leases of two processes (two shard managers whose shards never connect) against a real Redis.
 */
class ShardLeasesTests {

	private static final Duration LEASE = Duration.ofMillis(900);

	private static final int SHARDS = 4;

	private static final RedisKeys KEYS = new RedisKeys("test-bot");

	@RegisterExtension
	static final EmbeddedRedisServer redis = new EmbeddedRedisServer();

	private final List<AutoCloseable> cleanUp = new ArrayList<>();

	private final List<String> overlaps = new ArrayList<>();

	@AfterEach
	void closeAll() throws Exception {
		for (int i = this.cleanUp.size() - 1; i >= 0; i--) {
			this.cleanUp.get(i).close();
		}
	}

	@Test
	void everyShardRunsInExactlyOneProcess() {
		Process first = process("first", 2);
		Process second = process("second", 2);
		awaitShards(first, second, () -> running(first).size() == 2 && running(second).size() == 2);
		assertThat(union(first, second)).containsExactlyInAnyOrder(0, 1, 2, 3);
		assertThat(first.leases.problem()).isNull();
	}

	@Test
	void aProcessThatStopsReleasesItsShardsToTheOthersBeforeTheirLeasesExpire() {
		Process first = process("first", 4);
		awaitShards(first, first, () -> running(first).size() == 4);
		Process second = process("second", 4);
		assertThat(running(second)).isEmpty();
		long stopped = System.nanoTime();
		first.manager.stop(Duration.ofSeconds(1));
		awaitShards(first, second, () -> running(second).size() == 4);
		assertThat(running(first)).as("first forgot its shards").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aProcessThatFindsEveryShardHeldStandsByUntilItRunsShards() {
		Process first = process("first", 4);
		awaitShards(first, first, () -> running(first).size() == 4);
		assertThat(first.leases.standby()).isNull();
		Process second = process("second", 4);
		await().atMost(Duration.ofSeconds(10)).until(() -> second.manager.standby() != null);
		assertThat(second.leases.standby()).contains("held by another process");
		assertThat(first.manager.standby()).as("it runs shards").isNull();
		first.manager.stop(Duration.ofSeconds(1));
		awaitShards(first, second, () -> running(second).size() == 4);
		assertThat(second.manager.standby()).isNull();
		assertThat(second.leases.standby()).isNull();
	}

	@Test
	void aProcessStandingByStaysStandingByWhileItsClaimsWaitAfterRedisRestarted() {
		// Claims wait one lease after the restart: 3 s, far longer than the check below takes.
		Duration lease = Duration.ofSeconds(3);
		Process first = process("first", 4, lease);
		awaitShards(first, first, () -> running(first).size() == 4);
		Process second = process("second", 4, lease);
		await().atMost(Duration.ofSeconds(10)).until(() -> second.leases.standby() != null);
		redis.stop();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> second.leases.problem() != null);
		}
		finally {
			redis.startAgain();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> second.leases.problem() == null);
		assertThat(second.leases.standby()).as("standing by, not DOWN, while its claims wait")
			.contains("one lease duration");
		await().atMost(Duration.ofSeconds(20)).until(() -> second.leases.standby() != null
				&& second.leases.standby().contains("held by another process"));
		assertThat(running(second)).isEmpty();
		assertThat(running(first)).hasSize(4);
	}

	@Test
	void theShardsOfAProcessThatDiedAreTakenOverOnceTheirLeasesExpire() {
		Process first = process("first", 2);
		awaitShards(first, first, () -> running(first).size() == 2);
		Process second = process("second", 4);
		awaitShards(first, second, () -> running(second).size() == 2);
		List<Integer> orphans = running(first);
		// A crash: the connection to Redis goes first, so nothing is released, then the shards end.
		first.connection.destroy();
		first.manager.stop(Duration.ofSeconds(1));
		first.leases.close();
		awaitShards(first, second, () -> running(second).size() == 4);
		assertThat(running(second)).containsAll(orphans);
	}

	@Test
	void aShardWhoseLeaseAnotherProcessHoldsIsStoppedAtOnce() {
		Process first = process("first", 1);
		awaitShards(first, first, () -> running(first).size() == 1);
		int shard = running(first).get(0);
		// As after a pause longer than the lease, in which another process took the shard over.
		EmbeddedRedisServer.template(first.connection).opsForValue()
			.set(KEYS.shardLease(shard), "another");
		await().atMost(Duration.ofSeconds(10)).until(() -> !running(first).contains(shard));
		assertThat(first.manager.shardIds()).doesNotContain(shard);
	}

	@Test
	void aShardWhoseSessionWriteWasFencedOffStopsWithoutWaitingForTheNextRound() {
		// Rounds every 20 s: the shard stops long before the next one.
		Process first = process("first", 1, Duration.ofMinutes(1));
		awaitShards(first, first, () -> running(first).size() == 1);
		int shard = running(first).get(0);
		EmbeddedRedisServer.template(first.connection).opsForValue().set(KEYS.shardLease(shard), "another");
		new RedisSessionStore(first.connection, KEYS, first.leases).save(shard,
				new Session("abc", "wss://resume.example", 7, SHARDS));
		await().atMost(Duration.ofSeconds(10)).until(() -> !running(first).contains(shard));
		assertThat(first.manager.shardIds()).doesNotContain(shard);
	}

	@Test
	void runningShardsKeepRunningWhileRedisIsDownAndTheirLeasesAreTakenAgainWhenItIsBack() {
		Process first = process("first", 2);
		Process second = process("second", 2);
		awaitShards(first, second, () -> running(first).size() == 2 && running(second).size() == 2);
		List<Integer> firstShards = running(first);
		redis.stop();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> first.leases.problem() != null);
			assertThat(first.leases.problem()).startsWith("Redis is unavailable");
			await().during(LEASE.multipliedBy(2)).atMost(Duration.ofSeconds(10))
				.until(() -> running(first).equals(firstShards));
		}
		finally {
			redis.startAgain();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> first.leases.problem() == null);
		await().during(LEASE.multipliedBy(3)).atMost(Duration.ofSeconds(20)).until(() -> {
			recordOverlap(first, second);
			return running(first).equals(firstShards) && union(first, second).size() == 4;
		});
		StringRedisTemplate template = EmbeddedRedisServer.template(first.connection);
		for (int id : firstShards) {
			assertThat(template.opsForValue().get(KEYS.shardLease(id))).isEqualTo("first");
		}
		assertThat(this.overlaps).isEmpty();
	}

	private void awaitShards(Process first, Process second, java.util.concurrent.Callable<Boolean> condition) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			recordOverlap(first, second);
			return condition.call();
		});
		assertThat(this.overlaps).as("shards that ran in both processes at once").isEmpty();
	}

	private void recordOverlap(Process first, Process second) {
		if (first == second) {
			return;
		}
		Set<Integer> both = new HashSet<>(running(first));
		both.retainAll(running(second));
		if (!both.isEmpty()) {
			this.overlaps.add(both.toString());
		}
	}

	/** The shards a process runs: those it started and has not stopped. */
	private static List<Integer> running(Process process) {
		return process.manager.statuses()
			.stream()
			.filter((status) -> status.state() != ShardState.STOPPED)
			.map(ShardStatus::shardId)
			.toList();
	}

	private static Set<Integer> union(Process first, Process second) {
		Set<Integer> all = new HashSet<>(running(first));
		all.addAll(running(second));
		return all;
	}

	private Process process(String name, int maxShards) {
		return process(name, maxShards, LEASE);
	}

	private Process process(String name, int maxShards, Duration lease) {
		LettuceConnectionFactory connection = redis.connectionFactory();
		this.cleanUp.add(connection::destroy);
		ShardLeases leases = new ShardLeases(EmbeddedRedisServer.template(connection), KEYS, name, maxShards, lease);
		this.cleanUp.add(leases);
		ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
		this.cleanUp.add(timers::shutdownNow);
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
		this.cleanUp.add(() -> manager.stop(Duration.ofSeconds(1)));
		manager.start();
		return new Process(manager, leases, connection);
	}

	private record Process(ShardManager manager, ShardLeases leases, LettuceConnectionFactory connection) {
	}

}
