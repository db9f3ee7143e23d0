package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code session_start_limit} of GET /gateway/bot at simulator start. {@code remaining} goes down by
 * one with every Identify that starts a session; at 0, Identify gets op 9 Invalid Session ({@code d:false}).
 * The window never resets while the simulator runs, so {@code resetAfter} is reported as configured.
 *
 * @param total session starts allowed per window
 * @param remaining session starts left at simulator start
 * @param resetAfter time until the window resets (reported in milliseconds)
 * @param maxConcurrency identify buckets; one Identify per bucket per identify window
 */
public record SessionStartLimit(int total, int remaining, Duration resetAfter, int maxConcurrency) {

	/**
	 * Discord's defaults for a small bot: 1000 per 24 h window, 14,400,000 ms to reset, concurrency 1.
	 */
	public static final SessionStartLimit DEFAULT = new SessionStartLimit(1000, 1000, Duration.ofMillis(14_400_000), 1);

	/**
	 * Validates the components.
	 */
	public SessionStartLimit {
		Objects.requireNonNull(resetAfter, "resetAfter");
		if (total < 0 || remaining < 0 || remaining > total) {
			throw new IllegalArgumentException("need 0 <= remaining <= total, got " + remaining + "/" + total);
		}
		if (maxConcurrency < 1) {
			throw new IllegalArgumentException("maxConcurrency must be >= 1, got " + maxConcurrency);
		}
	}

}
