package io.github.discordgateway.redis;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.IdentifyQueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two identify queues, as in two processes, against a real Redis.
 */
class RedisIdentifyQueueTests {

	private static final Duration WINDOW = Duration.ofMillis(1500);

	@RegisterExtension
	static final EmbeddedRedisServer redis = new EmbeddedRedisServer();

	private LettuceConnectionFactory firstConnection;

	private LettuceConnectionFactory secondConnection;

	private RedisIdentifyQueueFactory first;

	private RedisIdentifyQueueFactory second;

	@BeforeEach
	void connect() {
		this.firstConnection = redis.connectionFactory();
		this.secondConnection = redis.connectionFactory();
		StringRedisTemplate template = EmbeddedRedisServer.template(this.firstConnection);
		RedisKeys keys = new RedisKeys("test-bot");
		this.first = new RedisIdentifyQueueFactory(template, keys, WINDOW);
		this.second = new RedisIdentifyQueueFactory(EmbeddedRedisServer.template(this.secondConnection), keys, WINDOW);
	}

	@AfterEach
	void disconnect() {
		this.first.close();
		this.second.close();
		this.firstConnection.destroy();
		this.secondConnection.destroy();
	}

	private static SessionStartLimit limit(int remaining, int maxConcurrency) {
		return new SessionStartLimit(1000, remaining, Duration.ofHours(1).toMillis(), maxConcurrency);
	}

	@Test
	void twoProcessesNeverGetTurnsOfOneBucketWithinTheWindow() {
		IdentifyQueue one = this.first.create(limit(1000, 2), null);
		IdentifyQueue two = this.second.create(limit(1000, 2), null);
		AtomicLong firstTurnAt = new AtomicLong();
		AtomicLong secondTurnAt = new AtomicLong();
		CompletableFuture<Void> shard0 = one.acquire(0).thenRun(() -> firstTurnAt.set(System.nanoTime()));
		await().atMost(Duration.ofSeconds(5)).until(shard0::isDone);
		CompletableFuture<Void> shard2 = two.acquire(2).thenRun(() -> secondTurnAt.set(System.nanoTime()));
		CompletableFuture<Void> shard1 = two.acquire(1);
		await().atMost(Duration.ofSeconds(5)).until(shard1::isDone);
		assertThat(shard2).as("bucket 0 is taken by the other process").isNotDone();
		await().atMost(Duration.ofSeconds(10)).until(shard2::isDone);
		// Redis times the window in milliseconds: allow for the rounding
		assertThat(Duration.ofNanos(secondTurnAt.get() - firstTurnAt.get()))
			.isGreaterThanOrEqualTo(WINDOW.minusMillis(5));
	}

	@Test
	void atStartUpAProcessesShardsOfABucketIdentifyInShardIdOrderWhicheverAsksFirst() {
		IdentifyQueue one = this.first.create(limit(1000, 2), null);
		one.expect(0);
		one.expect(1);
		one.expect(2);
		AtomicLong zeroAt = new AtomicLong();
		AtomicLong twoAt = new AtomicLong();
		CompletableFuture<Void> shard2 = one.acquire(2).thenRun(() -> twoAt.set(System.nanoTime()));
		CompletableFuture<Void> shard1 = one.acquire(1);
		// The queue's one thread looked at bucket 0 before bucket 1.
		await().atMost(Duration.ofSeconds(5)).until(shard1::isDone);
		assertThat(shard2).as("shard 0 has not asked yet").isNotDone();
		CompletableFuture<Void> shard0 = one.acquire(0).thenRun(() -> zeroAt.set(System.nanoTime()));
		await().atMost(Duration.ofSeconds(10)).until(() -> shard0.isDone() && shard2.isDone());
		assertThat(twoAt.get() - zeroAt.get()).isGreaterThanOrEqualTo(WINDOW.minusMillis(5).toNanos());
	}

	@Test
	void aLowerShardThatWithdrawsLetsTheNextGo() {
		IdentifyQueue one = this.first.create(limit(1000, 2), null);
		one.expect(0);
		one.expect(2);
		CompletableFuture<Void> shard2 = one.acquire(2);
		CompletableFuture<Void> shard1 = one.acquire(1);
		await().atMost(Duration.ofSeconds(5)).until(shard1::isDone);
		assertThat(shard2).as("held for shard 0").isNotDone();
		one.withdraw(0);
		await().atMost(Duration.ofSeconds(5)).until(shard2::isDone);
		assertThat(shard2).isCompleted();
	}

	@Test
	void theDailyBudgetIsCountedOnceForAllProcesses() {
		IdentifyQueue one = this.first.create(limit(1, 2), null);
		IdentifyQueue two = this.second.create(limit(1, 2), null);
		CompletableFuture<Void> started = one.acquire(0);
		await().atMost(Duration.ofSeconds(5)).until(started::isDone);
		CompletableFuture<Void> refused = two.acquire(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> two.holdReason() != null);
		assertThat(two.holdReason()).contains("daily session start budget");
		assertThat(refused).isNotDone();
		refused.cancel(false);
	}

	@Test
	void aCancelledTurnGivesItsPlaceToTheNextShard() {
		IdentifyQueue one = this.first.create(limit(1000, 1), null);
		CompletableFuture<Void> shard0 = one.acquire(0);
		await().atMost(Duration.ofSeconds(5)).until(shard0::isDone);
		CompletableFuture<Void> abandoned = one.acquire(1);
		CompletableFuture<Void> next = one.acquire(2);
		abandoned.cancel(false);
		await().atMost(Duration.ofSeconds(10)).until(next::isDone);
		assertThat(next).isCompleted();
	}

	@Test
	void aClosedQueueRefusesTurnsInsteadOfThrowingAtTheShard() {
		IdentifyQueue one = this.first.create(limit(1000, 1), null);
		this.first.close();
		assertThat(one.acquire(0)).isCompletedExceptionally();
	}

	@Test
	void whileRedisIsDownTurnsWaitAndAreGivenWhenItIsBack() {
		IdentifyQueue one = this.first.create(limit(1000, 1), null);
		redis.stop();
		CompletableFuture<Void> waiting = one.acquire(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> one.holdReason() != null);
		assertThat(one.holdReason()).startsWith("Redis is unavailable");
		assertThat(waiting).isNotDone();
		redis.startAgain();
		await().atMost(Duration.ofSeconds(20)).until(waiting::isDone);
		assertThat(waiting).isCompleted();
		assertThat(one.holdReason()).isNull();
	}

}
