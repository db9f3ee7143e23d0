package io.github.discordgateway.simulator;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates snowflake ids shaped like Discord's: milliseconds since the Discord epoch in the top bits, so
 * the ids sort by creation time and are unique within one simulator.
 */
final class Snowflakes {

	private static final long DISCORD_EPOCH_MILLIS = 1_420_070_400_000L;

	private final AtomicLong last = new AtomicLong();

	String next() {
		long candidate = (System.currentTimeMillis() - DISCORD_EPOCH_MILLIS) << 22;
		// Ids made in the same millisecond (or after a clock step back) continue from the last one.
		return Long.toString(this.last.updateAndGet((previous) -> Math.max(previous + 1, candidate)));
	}

}
