package io.github.discordgateway.session;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter between failed connection attempts: the first retry is immediate, the
 * n-th waits a uniformly random time up to {@code min(max, base * 2^(n-1))}. Jitter keeps many shards (or many
 * bots after a Discord outage) from reconnecting in lockstep.
 *
 * @param base the upper bound of the second retry's wait
 * @param max the cap of every wait
 * @param random uniform values in [0, 1)
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {

	/**
	 * How long to wait before a retry.
	 * @param failedAttempts how many attempts failed in a row before this one (0 for the first retry)
	 */
	public Duration delay(int failedAttempts) {
		if (failedAttempts <= 0) {
			return Duration.ZERO;
		}
		long ceiling = this.base.toMillis() << Math.min(failedAttempts - 1, 20);
		long bound = Math.min(this.max.toMillis(), (ceiling > 0) ? ceiling : Long.MAX_VALUE);
		return Duration.ofMillis((long) (bound * this.random.getAsDouble()));
	}

}
