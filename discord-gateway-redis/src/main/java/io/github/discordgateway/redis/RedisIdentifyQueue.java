package io.github.discordgateway.redis;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.IdentifyQueue;
import io.github.discordgateway.sharding.ExpectedShards;

/**
 * An identify queue shared by every process of a bot through Redis: a bucket ({@code shard_id % max_concurrency})
 * admits one Identify per window across all processes, and the daily session start budget is one counter for the
 * bot. Both are taken in one Lua script: a bucket key set with {@code SET NX PX window} (it expires by itself, so
 * a process that dies holding it cannot block the bucket past the window) and a budget counter that expires when
 * Discord resets the budget.
 * <p>
 * In this process, a bucket's waiting shards go in shard id order, and at start-up a turn waits for the lower
 * shards {@linkplain #expect expected} to ask (see {@link ExpectedShards}); across processes, the first to ask
 * goes first. Redis is called on the queue's own thread, never
 * on the caller's or the client's timer thread; turns are completed there, outside the queue's lock. When Redis
 * cannot be reached, turns wait and the queue retries every second: it never identifies without coordination.
 */
public final class RedisIdentifyQueue implements IdentifyQueue {

	private static final Logger logger = LoggerFactory.getLogger(RedisIdentifyQueue.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	/** Returns {0, 0} for a turn, {1, ms} while the budget is used up, {2, ms} while the bucket is taken. */
	private static final RedisScript<List> TAKE_TURN = RedisScript.of("""
			local left = redis.call('get', KEYS[2])
			if not left then
			  redis.call('set', KEYS[2], ARGV[2], 'px', ARGV[3])
			  left = ARGV[2]
			end
			if tonumber(left) <= 0 then
			  return {1, redis.call('pttl', KEYS[2])}
			end
			if redis.call('set', KEYS[1], '1', 'nx', 'px', ARGV[1]) then
			  redis.call('decr', KEYS[2])
			  return {0, 0}
			end
			return {2, redis.call('pttl', KEYS[1])}
			""", List.class);

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final ScheduledExecutorService redisThread;

	private final Duration window;

	private final Bucket[] buckets;

	private final int total;

	private final int remainingAtStart;

	private final long resetAtMillis;

	private long asked;

	private volatile String holdReason;

	/**
	 * @param redis where the buckets and the budget live
	 * @param keys the bot's key names
	 * @param limit the session start limit this process read from {@code GET /gateway/bot}
	 * @param window how long a bucket stays taken after a turn: Discord's 5 s plus a margin for the time the
	 * Identify takes to arrive
	 * @param redisThread the single thread that calls Redis and gives turns
	 */
	public RedisIdentifyQueue(StringRedisTemplate redis, RedisKeys keys, SessionStartLimit limit, Duration window,
			ScheduledExecutorService redisThread) {
		this.redis = redis;
		this.keys = keys;
		this.redisThread = redisThread;
		this.window = window;
		this.buckets = new Bucket[Math.max(1, limit.maxConcurrency())];
		for (int i = 0; i < this.buckets.length; i++) {
			this.buckets[i] = new Bucket(i);
		}
		this.total = limit.total();
		this.remainingAtStart = limit.remaining();
		this.resetAtMillis = System.currentTimeMillis() + limit.resetAfter();
	}

	@Override
	public CompletableFuture<Void> acquire(int shardId) {
		CompletableFuture<Void> turn = new CompletableFuture<>();
		Bucket bucket = this.buckets[shardId % this.buckets.length];
		boolean schedule;
		synchronized (this) {
			bucket.expected.remove(shardId);
			bucket.waiting.add(new Turn(shardId, this.asked++, turn));
			schedule = claimAttempt(bucket);
		}
		if (schedule) {
			try {
				this.redisThread.execute(() -> attempt(bucket));
			}
			catch (RejectedExecutionException ex) {
				turn.completeExceptionally(new IllegalStateException("The identify queue is closed", ex));
			}
		}
		return turn;
	}

	@Override
	public void expect(int shardId) {
		Bucket bucket = this.buckets[shardId % this.buckets.length];
		synchronized (this) {
			bucket.expected.expect(shardId, System.nanoTime());
		}
	}

	@Override
	public void withdraw(int shardId) {
		Bucket bucket = this.buckets[shardId % this.buckets.length];
		synchronized (this) {
			if (!bucket.expected.remove(shardId) || !claimAttempt(bucket)) {
				return;
			}
		}
		later(bucket, 0);
	}

	/** Whether the caller is to schedule the bucket's attempt: none is scheduled. Under the lock. */
	private boolean claimAttempt(Bucket bucket) {
		if (bucket.attemptScheduled) {
			return false;
		}
		bucket.attemptScheduled = true;
		return true;
	}

	@Override
	public String holdReason() {
		return this.holdReason;
	}

	private void attempt(Bucket bucket) {
		Long heldUntil;
		synchronized (this) {
			bucket.waiting.removeIf((turn) -> turn.future().isDone());
			if (bucket.waiting.isEmpty()) {
				bucket.attemptScheduled = false;
				return;
			}
			long now = System.nanoTime();
			heldUntil = bucket.expected.heldUntil(bucket.waiting.peek().shardId(), now);
			if (heldUntil != null) {
				// The lower shard's ask or withdrawal schedules the next attempt at once; the lapse, at the latest.
				bucket.attemptScheduled = false;
				if (bucket.lapseTimerArmed) {
					return;
				}
				bucket.lapseTimerArmed = true;
				heldUntil -= now;
			}
		}
		if (heldUntil != null) {
			attemptWhenLapsed(bucket, heldUntil);
			return;
		}
		List<?> answer;
		try {
			String[] seed = budgetSeed();
			answer = this.redis.execute(TAKE_TURN, List.of(this.keys.identifyBucket(bucket.index),
					this.keys.sessionStartBudget()), Long.toString(this.window.toMillis()), seed[0], seed[1]);
		}
		catch (RuntimeException ex) {
			if (this.holdReason == null || !this.holdReason.startsWith("Redis")) {
				logger.warn("Redis is unavailable; identifies wait until it answers again: {}", ex.getMessage());
			}
			this.holdReason = "Redis is unavailable (" + ex.getMessage() + "); identifies wait for it";
			later(bucket, RETRY.toMillis());
			return;
		}
		long status = ((Number) answer.get(0)).longValue();
		long waitMillis = Math.max(1, ((Number) answer.get(1)).longValue());
		if (status == 1) {
			if (this.holdReason == null || !this.holdReason.startsWith("the daily")) {
				logger.warn("The bot's daily session start budget is used up; identifies wait {} s for it to reset",
						waitMillis / 1000);
			}
			this.holdReason = "the daily session start budget (" + this.total + ") is used up; identifies wait "
					+ (waitMillis / 1000) + " s for it to reset";
			later(bucket, Math.min(waitMillis, Duration.ofMinutes(1).toMillis()));
			return;
		}
		this.holdReason = null;
		if (status == 2) {
			later(bucket, waitMillis);
			return;
		}
		giveTurn(bucket);
		later(bucket, this.window.toMillis());
	}

	private void giveTurn(Bucket bucket) {
		while (true) {
			Turn next;
			synchronized (this) {
				next = bucket.waiting.poll();
			}
			// A turn cancelled since the attempt began passes its slot, which is taken, to the next one.
			if (next == null || next.future().complete(null)) {
				return;
			}
		}
	}

	private void attemptWhenLapsed(Bucket bucket, long delayNanos) {
		try {
			this.redisThread.schedule(() -> {
				synchronized (this) {
					bucket.lapseTimerArmed = false;
					if (!claimAttempt(bucket)) {
						return;
					}
				}
				attempt(bucket);
			}, delayNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the queue's thread has shut down with the client: the waiting shards are stopping too
		}
	}

	private void later(Bucket bucket, long delayMillis) {
		try {
			this.redisThread.schedule(() -> attempt(bucket), delayMillis, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the queue's thread has shut down with the client: the waiting shards are stopping too
			synchronized (this) {
				bucket.attemptScheduled = false;
			}
		}
	}

	/**
	 * The budget to start the bot's counter with when Redis has none: what this process was told, or, once the
	 * reset it was told of has passed, a full day's budget.
	 */
	private String[] budgetSeed() {
		long untilReset = this.resetAtMillis - System.currentTimeMillis();
		if (untilReset > 0) {
			return new String[] { Integer.toString(this.remainingAtStart), Long.toString(untilReset) };
		}
		return new String[] { Integer.toString(this.total), Long.toString(Duration.ofDays(1).toMillis()) };
	}

	private static final class Bucket {

		final int index;

		final PriorityQueue<Turn> waiting = new PriorityQueue<>(
				Comparator.comparingInt(Turn::shardId).thenComparingLong(Turn::asked));

		final ExpectedShards expected = new ExpectedShards();

		boolean attemptScheduled;

		boolean lapseTimerArmed;

		Bucket(int index) {
			this.index = index;
		}

	}

	private record Turn(int shardId, long asked, CompletableFuture<Void> future) {
	}

}
