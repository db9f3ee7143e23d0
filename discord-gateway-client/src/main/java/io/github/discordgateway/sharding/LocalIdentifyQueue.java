package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.session.Scheduler;

/**
 * The identify queue of one process: one Identify per bucket ({@code shard_id % max_concurrency}) every 5
 * seconds (plus a {@link #MARGIN}), buckets in parallel, and no more session starts than the daily budget has left
 * (when it runs out, turns wait for the reset rather than burn the budget, which would reset the bot token).
 * Shards of a bucket get their turns in shard id order (shard 0 before shard 2, whichever asked first), so a
 * start-up is paced the way Discord expects; a cancelled request gives its place to the next. At start-up the
 * first turn of a bucket waits for the lower shards {@linkplain #expect expected} to ask too (or to withdraw, or
 * for {@link ExpectedShards#LIMIT}), so it does not go to whichever shard's connection opened first.
 * Turns are given on the scheduler's thread (or the asking thread when one is free at once), outside the
 * queue's lock.
 */
public final class LocalIdentifyQueue implements IdentifyQueue {

	/** The window in which each bucket may identify once. */
	public static final Duration WINDOW = Duration.ofSeconds(5);

	/**
	 * Added to every window. Discord times the window by when each Identify arrives, but a turn is given before
	 * the Identify is encoded, sent and carried there; when the first of two takes longer on that way (a cold
	 * start, a slow network moment) the second arrives less than 5 s later and the session start is refused.
	 */
	public static final Duration MARGIN = Duration.ofMillis(500);

	private static final Logger logger = LoggerFactory.getLogger(LocalIdentifyQueue.class);

	private final Scheduler scheduler;

	private final Bucket[] buckets;

	private final int total;

	private long asked;

	private int remaining;

	private long resetAt;

	private volatile String holdReason;

	/**
	 * @param limit the budget from {@code GET /gateway/bot}
	 * @param scheduler the clock, and the timer that gives waiting turns
	 */
	public LocalIdentifyQueue(SessionStartLimit limit, Scheduler scheduler) {
		this.scheduler = scheduler;
		long now = scheduler.nanoTime();
		this.buckets = new Bucket[Math.max(1, limit.maxConcurrency())];
		for (int i = 0; i < this.buckets.length; i++) {
			this.buckets[i] = new Bucket(now);
		}
		this.total = limit.total();
		this.remaining = limit.remaining();
		this.resetAt = now + Duration.ofMillis(limit.resetAfter()).toNanos();
	}

	@Override
	public CompletableFuture<Void> acquire(int shardId) {
		CompletableFuture<Void> turn = new CompletableFuture<>();
		Bucket bucket = this.buckets[shardId % this.buckets.length];
		synchronized (this) {
			bucket.expected.remove(shardId);
			bucket.waiting.add(new Turn(shardId, this.asked++, turn));
		}
		giveTurn(bucket, false);
		return turn;
	}

	@Override
	public void expect(int shardId) {
		Bucket bucket = this.buckets[shardId % this.buckets.length];
		synchronized (this) {
			bucket.expected.expect(shardId, this.scheduler.nanoTime());
		}
	}

	@Override
	public void withdraw(int shardId) {
		Bucket bucket = this.buckets[shardId % this.buckets.length];
		synchronized (this) {
			if (!bucket.expected.remove(shardId)) {
				return;
			}
		}
		giveTurn(bucket, false);
	}

	@Override
	public String holdReason() {
		return this.holdReason;
	}

	/**
	 * Gives the bucket's next turn if the bucket and the budget allow, else looks again when they will.
	 */
	private void giveTurn(Bucket bucket, boolean timerFired) {
		CompletableFuture<Void> granted;
		synchronized (this) {
			if (timerFired) {
				bucket.timerArmed = false;
			}
			else if (bucket.timerArmed) {
				return;
			}
			bucket.waiting.removeIf((turn) -> turn.future().isDone());
			if (bucket.waiting.isEmpty()) {
				return;
			}
			long now = this.scheduler.nanoTime();
			if (now >= this.resetAt) {
				this.remaining = this.total;
				this.resetAt = now + Duration.ofDays(1).toNanos();
			}
			long freeAt = bucket.freeAt;
			if (this.remaining <= 0) {
				Duration wait = Duration.ofNanos(this.resetAt - now);
				this.holdReason = "the daily session start budget (" + this.total + ") is used up; identifies wait "
						+ wait.toSeconds() + " s for it to reset";
				logger.warn("The daily session start budget is used up; Identify waits {} for it to reset", wait);
				freeAt = Math.max(freeAt, this.resetAt);
			}
			else {
				this.holdReason = null;
			}
			if (freeAt > now) {
				arm(bucket, freeAt - now);
				return;
			}
			Long heldUntil = bucket.expected.heldUntil(bucket.waiting.peek().shardId(), now);
			if (heldUntil != null) {
				armHold(bucket, heldUntil - now);
				return;
			}
			granted = bucket.waiting.poll().future();
			this.remaining--;
			bucket.freeAt = now + WINDOW.toNanos() + MARGIN.toNanos();
			if (!bucket.waiting.isEmpty()) {
				arm(bucket, bucket.freeAt - now);
			}
		}
		granted.complete(null);
	}

	private void arm(Bucket bucket, long delayNanos) {
		if (!bucket.timerArmed) {
			bucket.timerArmed = true;
			this.scheduler.schedule(() -> giveTurn(bucket, true), Duration.ofNanos(delayNanos));
		}
	}

	/**
	 * Looks again when the lower shards' expectations lapse. A timer of its own: the window's timer makes asks
	 * wait for it, while an ask or a withdrawal may end a hold at once.
	 */
	private void armHold(Bucket bucket, long delayNanos) {
		if (!bucket.holdTimerArmed) {
			bucket.holdTimerArmed = true;
			this.scheduler.schedule(() -> {
				synchronized (this) {
					bucket.holdTimerArmed = false;
				}
				giveTurn(bucket, false);
			}, Duration.ofNanos(delayNanos));
		}
	}

	private static final class Bucket {

		final PriorityQueue<Turn> waiting = new PriorityQueue<>(
				Comparator.comparingInt(Turn::shardId).thenComparingLong(Turn::asked));

		final ExpectedShards expected = new ExpectedShards();

		long freeAt;

		boolean timerArmed;

		boolean holdTimerArmed;

		Bucket(long freeAt) {
			this.freeAt = freeAt;
		}

	}

	private record Turn(int shardId, long asked, CompletableFuture<Void> future) {
	}

}
