package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

/**
 * What is known of one rate limit bucket: the requests left and when it refills, as the last response said.
 * Requests of one bucket go one at a time (see {@link RateLimitInterceptor}), so the last response always
 * describes the bucket as it is. Times are {@link System#nanoTime()} values. Thread-safe.
 */
final class Bucket {

	private boolean known;

	private int remaining;

	private long resetAt;

	/**
	 * @param now the current time
	 * @return how long a request must wait before it is sent, 0 if it may go now
	 */
	synchronized long nanosUntilSendable(long now) {
		if (!this.known || this.remaining > 0) {
			return 0;
		}
		return Math.max(0, this.resetAt - now);
	}

	/**
	 * Learns the bucket's state from a response that arrived at {@code now}.
	 * @param headers the response's headers
	 * @param now when the response arrived
	 */
	synchronized void update(RateLimitHeaders headers, long now) {
		if (headers.describesBucket()) {
			this.known = true;
			this.remaining = headers.remaining();
			this.resetAt = now + headers.resetAfter().toNanos();
		}
	}

	/**
	 * Empties the bucket after a 429 for {@code retryAfter}.
	 * @param retryAfter how long Discord asked to wait
	 * @param now when the 429 arrived
	 */
	synchronized void exhaust(Duration retryAfter, long now) {
		this.known = true;
		this.remaining = 0;
		this.resetAt = Math.max(this.resetAt, now + retryAfter.toNanos());
	}

	/**
	 * Whether the bucket holds nothing worth keeping at {@code now}: unknown, or refilled since.
	 */
	synchronized boolean idle(long now) {
		return !this.known || now - this.resetAt >= 0;
	}

}
