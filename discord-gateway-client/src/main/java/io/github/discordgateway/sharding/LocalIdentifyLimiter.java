package io.github.discordgateway.sharding;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.discordgateway.rest.GatewayBot.SessionStartLimit;
import io.github.discordgateway.session.IdentifyLimiter;

/**
 * The identify limits of one process: one Identify per bucket ({@code shard_id % max_concurrency}) every 5
 * seconds (plus a {@link #MARGIN}), and no more session starts than the daily budget has left (when it runs out,
 * Identify waits for the reset rather than burn the budget, which would reset the bot token).
 */
public final class LocalIdentifyLimiter implements IdentifyLimiter {

	/** The window in which each bucket may identify once. */
	public static final Duration WINDOW = Duration.ofSeconds(5);

	/**
	 * Added to every window. Discord times the window by when each Identify arrives, but a turn is reserved before
	 * the Identify is encoded, sent and carried there; when the first of two takes longer on that way (a cold
	 * start, a slow network moment) the second arrives less than 5 s later and the session start is refused.
	 */
	public static final Duration MARGIN = Duration.ofMillis(500);

	private static final Logger logger = LoggerFactory.getLogger(LocalIdentifyLimiter.class);

	private final LongSupplier nanoTime;

	private final long[] bucketFreeAt;

	private final int total;

	private int remaining;

	private long resetAt;

	/**
	 * @param limit the budget from {@code GET /gateway/bot}
	 * @param nanoTime a monotonic clock
	 */
	public LocalIdentifyLimiter(SessionStartLimit limit, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.bucketFreeAt = new long[Math.max(1, limit.maxConcurrency())];
		long now = nanoTime.getAsLong();
		java.util.Arrays.fill(this.bucketFreeAt, now);
		this.total = limit.total();
		this.remaining = limit.remaining();
		this.resetAt = now + Duration.ofMillis(limit.resetAfter()).toNanos();
	}

	@Override
	public synchronized Duration reserve(int shardId) {
		long now = this.nanoTime.getAsLong();
		int bucket = shardId % this.bucketFreeAt.length;
		long start = Math.max(now, this.bucketFreeAt[bucket]);
		if (start >= this.resetAt) {
			this.remaining = this.total;
			this.resetAt = start + Duration.ofDays(1).toNanos();
		}
		if (this.remaining <= 0) {
			logger.warn("The daily session start budget is used up; shard {} waits {} for it to reset", shardId,
					Duration.ofNanos(this.resetAt - now));
			start = Math.max(start, this.resetAt);
			this.remaining = this.total;
			this.resetAt = start + Duration.ofDays(1).toNanos();
		}
		this.remaining--;
		this.bucketFreeAt[bucket] = start + WINDOW.toNanos() + MARGIN.toNanos();
		return Duration.ofNanos(start - now);
	}

}
