package io.github.discordgateway.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The coordination on a real Redis Cluster of three masters on loopback, where a script may only touch keys of
 * one hash slot and a master restarts on its own, empty.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisClusterTests {

	private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-part-of-the-token";

	private static final RedisKeys KEYS = RedisKeys.forBot("discord-gateway", BotKey.fromToken(TOKEN));

	@RegisterExtension
	static final EmbeddedRedisCluster cluster = new EmbeddedRedisCluster();

	private final StringRedisTemplate redis = EmbeddedRedisServer.template(cluster.connections());

	@RegisterExtension
	final CloseAfterEach cleanUp = new CloseAfterEach();

	@Test
	void aShardsFencedSessionWritesRunAsOneScriptOnTheNodeServingTheBotsSlot() {
		RedisSessionStore store = fencedStore(KEYS, "this-process");
		this.redis.opsForValue().set(KEYS.shardLease(0), "this-process");
		Session session = new Session("abc", "wss://resume.example", 7, 1);
		store.save(0, session);
		assertThat(store.load(0)).isEqualTo(session);
		store.delete(0);
		assertThat(store.load(0)).isNull();
	}

	@Test
	void withoutTheBotsHashTagAShardsLeaseAndSessionFallInSlotsTheClusterWillNotScriptTogether() {
		RedisKeys untagged = new RedisKeys("discord-gateway:untagged");
		assertThat(slot(untagged.shardLease(0))).as("the precondition: two slots")
			.isNotEqualTo(slot(untagged.session(0)));
		assertThat(slot(KEYS.shardLease(0))).isEqualTo(slot(KEYS.session(0)));
		RedisSessionStore store = fencedStore(untagged, "this-process");
		this.redis.opsForValue().set(untagged.shardLease(0), "this-process");
		assertThatThrownBy(() -> store.save(0, new Session("abc", "wss://resume.example", 7, 1)))
			.hasStackTraceContaining("CROSSSLOT");
	}

	@Test
	void twoProcessesOfABotTakeTurnsToIdentifyInOneBucket() {
		Duration window = Duration.ofMillis(1500);
		RedisIdentifyQueueFactory first = identifyQueues(window);
		RedisIdentifyQueueFactory second = identifyQueues(window);
		SessionStartLimit limit = new SessionStartLimit(1000, 1000, Duration.ofHours(1).toMillis(), 2);
		IdentifyQueue one = first.create(limit, null);
		IdentifyQueue two = second.create(limit, null);
		CompletableFuture<Void> shard0 = one.acquire(0);
		await().atMost(Duration.ofSeconds(5)).until(shard0::isDone);
		CompletableFuture<Void> shard2 = two.acquire(2);
		CompletableFuture<Void> shard1 = two.acquire(1);
		await().atMost(Duration.ofSeconds(5)).until(shard1::isDone);
		assertThat(shard2).as("bucket 0 is taken by the other process").isNotDone();
		await().atMost(Duration.ofSeconds(10)).until(shard2::isDone);
	}

	@Test
	void twoProcessesRunEveryShardOnceThroughLeases() {
		LeasedProcess first = process("first", 2, Duration.ofMillis(900));
		LeasedProcess second = process("second", 2, Duration.ofMillis(900));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> first.running().size() == 2 && second.running().size() == 2);
		assertThat(first.running()).doesNotContainAnyElementsOf(second.running());
		assertThat(first.leases().problem()).isNull();
	}

	@Test
	void afterTheMasterServingTheBotsSlotRestartedEmptyAStandingByProcessWaitsALeaseBeforeClaiming() {
		// Claims wait one lease after the restart: 3 s, far longer than the check below takes.
		Duration lease = Duration.ofSeconds(3);
		LeasedProcess first = runningEveryShard("first", lease);
		LeasedProcess second = standingBy("second", lease);
		int node = nodeServing(KEYS.shardLease(0));
		cluster.stop(node);
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> second.leases().problem() != null);
		}
		finally {
			cluster.startAgain(node);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> second.leases().problem() == null);
		assertThat(second.leases().standby()).as("its claims wait: the leases may have been lost")
			.contains("one lease duration");
		await().atMost(Duration.ofSeconds(20)).until(() -> second.leases().standby() != null
				&& second.leases().standby().contains("held by another process"));
		assertThat(second.running()).isEmpty();
		assertThat(first.running()).hasSize(4);
	}

	@Test
	void aMasterThatRestartedEmptyBetweenTwoRoundsIsToldByItsRunIdAndClaimsWaitALease(CapturedOutput output) {
		// Rounds every 10 s: the restart most likely falls between two of them, and only the new run id tells of it.
		Duration lease = Duration.ofSeconds(30);
		LeasedProcess first = runningEveryShard("first", lease);
		LeasedProcess second = standingBy("second", lease);
		int node = nodeServing(KEYS.shardLease(0));
		cluster.stop(node);
		cluster.startAgain(node);
		// Had the restart gone unnoticed, the leases it lost would look free to the process standing by.
		await().atMost(Duration.ofSeconds(30)).until(() -> second.leases().standby() != null
				&& second.leases().standby().contains("one lease duration"));
		assertThat(output).contains("Redis restarted; shards are claimed again after");
		assertThat(second.running()).isEmpty();
		assertThat(first.running()).hasSize(4);
	}

	private LeasedProcess runningEveryShard(String name, Duration lease) {
		LeasedProcess process = process(name, LeasedProcess.SHARDS, lease);
		await().atMost(Duration.ofSeconds(20)).until(() -> process.running().size() == LeasedProcess.SHARDS);
		return process;
	}

	private LeasedProcess standingBy(String name, Duration lease) {
		LeasedProcess process = process(name, LeasedProcess.SHARDS, lease);
		await().atMost(Duration.ofSeconds(10)).until(() -> process.leases().standby() != null);
		return process;
	}

	private RedisSessionStore fencedStore(RedisKeys keys, String owner) {
		ShardLeases leases = new ShardLeases(this.redis, keys, owner, 1, Duration.ofSeconds(10));
		this.cleanUp.add(leases);
		return new RedisSessionStore(cluster.connections(), keys, leases);
	}

	private RedisIdentifyQueueFactory identifyQueues(Duration window) {
		LettuceConnectionFactory connection = cluster.connectionFactory();
		this.cleanUp.add(connection::destroy);
		RedisIdentifyQueueFactory queues = new RedisIdentifyQueueFactory(EmbeddedRedisServer.template(connection),
				KEYS, window);
		this.cleanUp.add(queues::close);
		return queues;
	}

	private LeasedProcess process(String name, int maxShards, Duration lease) {
		return LeasedProcess.start(cluster.connectionFactory(), KEYS, name, maxShards, lease, this.cleanUp);
	}

	private int slot(String key) {
		return this.redis.execute((RedisCallback<Integer>) (connection) -> ((RedisClusterConnection) connection)
			.clusterCommands()
			.clusterGetSlotForKey(key.getBytes(StandardCharsets.UTF_8)));
	}

	private int nodeServing(String key) {
		RedisClusterNode node = this.redis.execute((RedisCallback<RedisClusterNode>) (connection) ->
				((RedisClusterConnection) connection).clusterCommands()
					.clusterGetNodeForKey(key.getBytes(StandardCharsets.UTF_8)));
		return cluster.nodeOnPort(node.getPort());
	}

}
