package io.github.discordgateway.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shard leases of two processes (two shard managers whose shards never connect) against a real Redis.
 */
class ShardLeasesTests {

	private static final Duration LEASE = Duration.ofMillis(900);

	private static final RedisKeys KEYS = new RedisKeys("test-bot");

	@RegisterExtension
	static final EmbeddedRedisServer redis = new EmbeddedRedisServer();

	@RegisterExtension
	final CloseAfterEach cleanUp = new CloseAfterEach();

	private final List<String> overlaps = new ArrayList<>();

	@Test
	void everyShardRunsInExactlyOneProcess() {
		LeasedProcess first = process("first", 2);
		LeasedProcess second = process("second", 2);
		awaitShards(first, second, () -> first.running().size() == 2 && second.running().size() == 2);
		assertThat(union(first, second)).containsExactlyInAnyOrder(0, 1, 2, 3);
		assertThat(first.leases().problem()).isNull();
	}

	@Test
	void aProcessThatStopsReleasesItsShardsToTheOthersBeforeTheirLeasesExpire() {
		LeasedProcess first = process("first", 4);
		awaitShards(first, first, () -> first.running().size() == 4);
		LeasedProcess second = process("second", 4);
		assertThat(second.running()).isEmpty();
		long stopped = System.nanoTime();
		first.manager().stop(Duration.ofSeconds(1));
		awaitShards(first, second, () -> second.running().size() == 4);
		assertThat(first.running()).as("first forgot its shards").isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void aProcessThatFindsEveryShardHeldStandsByUntilItRunsShards() {
		LeasedProcess first = process("first", 4);
		awaitShards(first, first, () -> first.running().size() == 4);
		assertThat(first.leases().standby()).isNull();
		LeasedProcess second = process("second", 4);
		await().atMost(Duration.ofSeconds(10)).until(() -> second.manager().standby() != null);
		assertThat(second.leases().standby()).contains("held by another process");
		assertThat(first.manager().standby()).as("it runs shards").isNull();
		first.manager().stop(Duration.ofSeconds(1));
		awaitShards(first, second, () -> second.running().size() == 4);
		assertThat(second.manager().standby()).isNull();
		assertThat(second.leases().standby()).isNull();
	}

	@Test
	void aProcessStandingByStaysStandingByWhileItsClaimsWaitAfterRedisRestarted() {
		// Claims wait one lease after the restart: 3 s, far longer than the check below takes.
		Duration lease = Duration.ofSeconds(3);
		LeasedProcess first = process("first", 4, lease);
		awaitShards(first, first, () -> first.running().size() == 4);
		LeasedProcess second = process("second", 4, lease);
		await().atMost(Duration.ofSeconds(10)).until(() -> second.leases().standby() != null);
		redis.stop();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> second.leases().problem() != null);
		}
		finally {
			redis.startAgain();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> second.leases().problem() == null);
		assertThat(second.leases().standby()).as("standing by, not DOWN, while its claims wait")
			.contains("one lease duration");
		await().atMost(Duration.ofSeconds(20)).until(() -> second.leases().standby() != null
				&& second.leases().standby().contains("held by another process"));
		assertThat(second.running()).isEmpty();
		assertThat(first.running()).hasSize(4);
	}

	@Test
	void theShardsOfAProcessThatDiedAreTakenOverOnceTheirLeasesExpire() {
		LeasedProcess first = process("first", 2);
		awaitShards(first, first, () -> first.running().size() == 2);
		LeasedProcess second = process("second", 4);
		awaitShards(first, second, () -> second.running().size() == 2);
		List<Integer> orphans = first.running();
		// A crash: the connection to Redis goes first, so nothing is released, then the shards end.
		first.connection().destroy();
		first.manager().stop(Duration.ofSeconds(1));
		first.leases().close();
		awaitShards(first, second, () -> second.running().size() == 4);
		assertThat(second.running()).containsAll(orphans);
	}

	@Test
	void aShardWhoseLeaseAnotherProcessHoldsIsStoppedAtOnce() {
		LeasedProcess first = process("first", 1);
		awaitShards(first, first, () -> first.running().size() == 1);
		int shard = first.running().get(0);
		// As after a pause longer than the lease, in which another process took the shard over.
		EmbeddedRedisServer.template(first.connection()).opsForValue()
			.set(KEYS.shardLease(shard), "another");
		await().atMost(Duration.ofSeconds(10)).until(() -> !first.running().contains(shard));
		assertThat(first.manager().shardIds()).doesNotContain(shard);
	}

	@Test
	void aShardWhoseSessionWriteWasFencedOffStopsWithoutWaitingForTheNextRound() {
		// Rounds every 20 s: the shard stops long before the next one.
		LeasedProcess first = process("first", 1, Duration.ofMinutes(1));
		awaitShards(first, first, () -> first.running().size() == 1);
		int shard = first.running().get(0);
		EmbeddedRedisServer.template(first.connection()).opsForValue().set(KEYS.shardLease(shard), "another");
		new RedisSessionStore(first.connection(), KEYS, first.leases()).save(shard,
				new Session("abc", "wss://resume.example", 7, LeasedProcess.SHARDS));
		await().atMost(Duration.ofSeconds(10)).until(() -> !first.running().contains(shard));
		assertThat(first.manager().shardIds()).doesNotContain(shard);
	}

	@Test
	void runningShardsKeepRunningWhileRedisIsDownAndTheirLeasesAreTakenAgainWhenItIsBack() {
		LeasedProcess first = process("first", 2);
		LeasedProcess second = process("second", 2);
		awaitShards(first, second, () -> first.running().size() == 2 && second.running().size() == 2);
		List<Integer> firstShards = first.running();
		redis.stop();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> first.leases().problem() != null);
			assertThat(first.leases().problem()).startsWith("Redis is unavailable");
			await().during(LEASE.multipliedBy(2)).atMost(Duration.ofSeconds(10))
				.until(() -> first.running().equals(firstShards));
		}
		finally {
			redis.startAgain();
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> first.leases().problem() == null);
		await().during(LEASE.multipliedBy(3)).atMost(Duration.ofSeconds(20)).until(() -> {
			recordOverlap(first, second);
			return first.running().equals(firstShards) && union(first, second).size() == 4;
		});
		StringRedisTemplate template = EmbeddedRedisServer.template(first.connection());
		for (int id : firstShards) {
			assertThat(template.opsForValue().get(KEYS.shardLease(id))).isEqualTo("first");
		}
		assertThat(this.overlaps).isEmpty();
	}

	private void awaitShards(LeasedProcess first, LeasedProcess second, java.util.concurrent.Callable<Boolean> condition) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			recordOverlap(first, second);
			return condition.call();
		});
		assertThat(this.overlaps).as("shards that ran in both processes at once").isEmpty();
	}

	private void recordOverlap(LeasedProcess first, LeasedProcess second) {
		if (first == second) {
			return;
		}
		Set<Integer> both = new HashSet<>(first.running());
		both.retainAll(second.running());
		if (!both.isEmpty()) {
			this.overlaps.add(both.toString());
		}
	}

	private static Set<Integer> union(LeasedProcess first, LeasedProcess second) {
		Set<Integer> all = new HashSet<>(first.running());
		all.addAll(second.running());
		return all;
	}

	private LeasedProcess process(String name, int maxShards) {
		return process(name, maxShards, LEASE);
	}

	private LeasedProcess process(String name, int maxShards, Duration lease) {
		return LeasedProcess.start(redis.connectionFactory(), KEYS, name, maxShards, lease, this.cleanUp);
	}

}
