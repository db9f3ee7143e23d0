package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

/**
 * The bot's global limit: at most {@code limit} requests in any second, and none while a global 429 says to
 * wait. Times are {@link System#nanoTime()} values. Thread-safe.
 */
final class GlobalLimit {

	private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

	private final long[] sendTimes;

	private int head;

	private int size;

	private long pausedUntil;

	private boolean paused;

	/**
	 * @param limit requests per second (Discord's default is 50 per bot)
	 */
	GlobalLimit(int limit) {
		if (limit < 1) {
			throw new IllegalArgumentException("The global limit must be at least 1 request per second");
		}
		this.sendTimes = new long[limit];
	}

	/**
	 * Takes a place in the current second if there is one.
	 * @param now the current time
	 * @return 0 if the request may go now (and it is counted), or how long to wait before asking again
	 */
	synchronized long tryAcquire(long now) {
		if (this.paused && this.pausedUntil - now > 0) {
			return this.pausedUntil - now;
		}
		this.paused = false;
		while (this.size > 0 && now - this.sendTimes[this.head] >= WINDOW_NANOS) {
			this.head = (this.head + 1) % this.sendTimes.length;
			this.size--;
		}
		if (this.size == this.sendTimes.length) {
			return Math.max(1, WINDOW_NANOS - (now - this.sendTimes[this.head]));
		}
		this.sendTimes[(this.head + this.size) % this.sendTimes.length] = now;
		this.size++;
		return 0;
	}

	/**
	 * Stops every request for {@code retryAfter} after a global 429.
	 * @param retryAfter how long Discord asked to wait
	 * @param now when the 429 arrived
	 */
	synchronized void pause(Duration retryAfter, long now) {
		long until = now + retryAfter.toNanos();
		if (!this.paused || until - this.pausedUntil > 0) {
			this.pausedUntil = until;
		}
		this.paused = true;
	}

}
