package io.github.discordgateway.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The REST rate limits the simulator enforces, as Discord does: every bucketed route answers with
 * {@code X-RateLimit-*} headers, a request over its bucket (per channel for messages) or over the bot's global
 * limit gets 429 with {@code retry_after}.
 *
 * @param bucketLimit requests per bucket window (Discord's message bucket: 5)
 * @param bucketWindow how long a bucket window lasts (Discord's message bucket: 5 s)
 * @param globalLimit requests per second across the bot (Discord: 50); interaction callbacks do not count
 * @param enabled whether limits are enforced at all
 */
public record RestRateLimit(int bucketLimit, Duration bucketWindow, int globalLimit, boolean enabled) {

	/** Discord's limits for a new bot: 5 messages per channel per 5 s, 50 requests per second. */
	public static final RestRateLimit DISCORD = new RestRateLimit(5, Duration.ofSeconds(5), 50, true);

	/** No limits and no rate limit headers. */
	public static final RestRateLimit OFF = new RestRateLimit(1, Duration.ofSeconds(1), 1, false);

	/**
	 * Validates the components.
	 */
	public RestRateLimit {
		Objects.requireNonNull(bucketWindow, "bucketWindow");
		if (bucketLimit < 1 || globalLimit < 1) {
			throw new IllegalArgumentException("bucketLimit and globalLimit must be at least 1");
		}
		if (bucketWindow.toMillis() < 1) {
			throw new IllegalArgumentException("bucketWindow must be at least 1 ms");
		}
	}

	/**
	 * Limits with another bucket, e.g. a tight one that makes a test quick.
	 * @param limit requests per window
	 * @param window the window
	 * @param globalLimit requests per second across the bot
	 * @return enforced limits
	 */
	public static RestRateLimit of(int limit, Duration window, int globalLimit) {
		return new RestRateLimit(limit, window, globalLimit, true);
	}

}
