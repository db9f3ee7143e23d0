package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.ManualScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identify admission on a manual clock.
 */
class LocalIdentifyQueueTests {

	/** Discord's window is 5 s, timed at its end; the queue adds half a second for the way there. */
	private static final Duration TURN = Duration.ofMillis(5500);

	private final ManualScheduler scheduler = new ManualScheduler();

	private final LocalIdentifyQueue queue = new LocalIdentifyQueue(
			new SessionStartLimit(1000, 1000, Duration.ofDays(1).toMillis(), 2), this.scheduler);

	@Test
	void theFirstTurnOfEachBucketIsGivenAtOnce() {
		assertThat(this.queue.acquire(0)).isCompleted();
		assertThat(this.queue.acquire(1)).as("another bucket, in parallel").isCompleted();
	}

	@Test
	void theNextTurnOfABucketComesMoreThanTheWindowLaterSoThatItCannotArriveInsideIt() {
		this.queue.acquire(0);
		this.scheduler.advance(Duration.ofSeconds(1));
		CompletableFuture<Void> next = this.queue.acquire(2);
		this.scheduler.advance(Duration.ofSeconds(4));
		assertThat(next).as("5 s after the first turn").isNotDone();
		this.scheduler.advance(TURN.minusSeconds(5).minusNanos(1));
		assertThat(next).isNotDone();
		this.scheduler.advance(Duration.ofNanos(1));
		assertThat(next).isCompleted();
	}

	@Test
	void shardsOfOneBucketGetTurnsInOrderWhileOtherBucketsGoOn() {
		this.queue.acquire(0);
		CompletableFuture<Void> second = this.queue.acquire(2);
		CompletableFuture<Void> third = this.queue.acquire(4);
		assertThat(this.queue.acquire(1)).as("bucket 1 is not held up by bucket 0").isCompleted();
		this.scheduler.advance(TURN);
		assertThat(second).isCompleted();
		assertThat(third).isNotDone();
		this.scheduler.advance(TURN);
		assertThat(third).isCompleted();
	}

	@Test
	void waitingShardsOfABucketGoInShardIdOrderNotInTheOrderTheyAsked() {
		this.queue.acquire(0);
		CompletableFuture<Void> six = this.queue.acquire(6);
		CompletableFuture<Void> two = this.queue.acquire(2);
		this.scheduler.advance(TURN);
		assertThat(two).isCompleted();
		assertThat(six).isNotDone();
		this.scheduler.advance(TURN);
		assertThat(six).isCompleted();
	}

	@Test
	void atStartUpTheShardsOfABucketIdentifyInShardIdOrderWhicheverConnectionOpensFirst() {
		for (int shard = 0; shard < 6; shard++) {
			this.queue.expect(shard);
		}
		CompletableFuture<Void> four = this.queue.acquire(4);
		CompletableFuture<Void> two = this.queue.acquire(2);
		assertThat(four).as("shard 0 has not asked yet").isNotDone();
		assertThat(two).isNotDone();
		assertThat(this.queue.acquire(1)).as("the lowest shard of the other bucket goes at once").isCompleted();
		assertThat(this.queue.acquire(0)).isCompleted();
		this.scheduler.advance(TURN);
		assertThat(two).isCompleted();
		assertThat(four).isNotDone();
		this.scheduler.advance(TURN);
		assertThat(four).isCompleted();
	}

	@Test
	void onlyALowerShardOfTheSameBucketHoldsATurn() {
		this.queue.expect(4);
		this.queue.expect(1);
		assertThat(this.queue.acquire(2)).isCompleted();
	}

	@Test
	void aLowerShardThatWithdrawsLetsTheNextGoAtOnce() {
		this.queue.expect(0);
		this.queue.expect(2);
		CompletableFuture<Void> two = this.queue.acquire(2);
		this.scheduler.advance(Duration.ofSeconds(1));
		assertThat(two).isNotDone();
		this.queue.withdraw(0);
		assertThat(two).isCompleted();
	}

	@Test
	void aLowerShardThatNeverAsksHoldsItsBucketNoLongerThanTheLimit() {
		this.queue.expect(0);
		CompletableFuture<Void> two = this.queue.acquire(2);
		this.scheduler.advance(ExpectedShards.LIMIT.minusNanos(1));
		assertThat(two).isNotDone();
		this.scheduler.advance(Duration.ofNanos(1));
		assertThat(two).isCompleted();
	}

	@Test
	void aLaterIdentifyDoesNotWaitForShardsThatAreNotAsking() {
		this.queue.expect(0);
		this.queue.expect(2);
		assertThat(this.queue.acquire(0)).isCompleted();
		CompletableFuture<Void> two = this.queue.acquire(2);
		this.scheduler.advance(TURN);
		assertThat(two).isCompleted();
		this.scheduler.advance(Duration.ofMinutes(1));
		assertThat(this.queue.acquire(2)).as("identifying anew while shard 0 runs").isCompleted();
	}

	@Test
	void aCancelledRequestGivesItsPlaceToTheNext() {
		this.queue.acquire(0);
		CompletableFuture<Void> abandoned = this.queue.acquire(2);
		CompletableFuture<Void> next = this.queue.acquire(4);
		abandoned.cancel(false);
		this.scheduler.advance(TURN);
		assertThat(next).isCompleted();
	}

	@Test
	void anExhaustedBudgetWaitsForTheResetInsteadOfIdentifying() {
		LocalIdentifyQueue exhausted = new LocalIdentifyQueue(new SessionStartLimit(1000, 1, 60_000, 1),
				this.scheduler);
		assertThat(exhausted.acquire(0)).isCompleted();
		assertThat(exhausted.holdReason()).isNull();
		CompletableFuture<Void> next = exhausted.acquire(0);
		assertThat(exhausted.holdReason()).contains("daily session start budget");
		this.scheduler.advance(Duration.ofSeconds(60).minusNanos(1));
		assertThat(next).isNotDone();
		this.scheduler.advance(Duration.ofNanos(1));
		assertThat(next).isCompleted();
		assertThat(exhausted.holdReason()).isNull();
	}

	@Test
	void theBudgetRefillsAtTheResetAndRunsOutAgain() {
		LocalIdentifyQueue queue = new LocalIdentifyQueue(new SessionStartLimit(2, 0, 60_000, 2), this.scheduler);
		CompletableFuture<Void> first = queue.acquire(0);
		CompletableFuture<Void> second = queue.acquire(1);
		this.scheduler.advance(Duration.ofSeconds(60));
		assertThat(first).isCompleted();
		assertThat(second).as("a budget of 2 after the reset").isCompleted();
		CompletableFuture<Void> third = queue.acquire(0);
		this.scheduler.advance(Duration.ofHours(23));
		assertThat(third).as("the refilled budget is spent until the next reset").isNotDone();
		this.scheduler.advance(Duration.ofHours(1));
		assertThat(third).isCompleted();
	}

	@Test
	void everyBucketOfTheMaxConcurrencyIdentifiesInParallel() {
		LocalIdentifyQueue queue = new LocalIdentifyQueue(new SessionStartLimit(1000, 1000, 60_000, 16),
				this.scheduler);
		for (int shard = 0; shard < 16; shard++) {
			assertThat(queue.acquire(shard)).as("shard %d", shard).isCompleted();
		}
		assertThat(queue.acquire(16)).as("bucket 0 again").isNotDone();
	}

	@Test
	void turnsAreGivenOutsideTheQueuesLock() {
		this.queue.acquire(0);
		CompletableFuture<Void> next = this.queue.acquire(2);
		boolean[] lockFree = new boolean[1];
		next.thenRun(() -> lockFree[0] = !Thread.holdsLock(this.queue));
		this.scheduler.advance(TURN);
		assertThat(lockFree[0]).isTrue();
	}

}
