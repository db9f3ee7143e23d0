package io.github.discordgateway.rest.ratelimit;

/**
 * How the REST rate limiter behaves.
 *
 * @param maxRetries how many times a request answered 429 is sent again (after waiting {@code retry_after})
 * before {@link RateLimitExceededException}
 * @param globalRequestsPerSecond the bot's global limit (50 unless Discord raised it for the bot)
 */
public record RateLimitSettings(int maxRetries, int globalRequestsPerSecond) {

	/** Discord's defaults: 3 retries, 50 requests per second. */
	public static final RateLimitSettings DEFAULT = new RateLimitSettings(3, 50);

	/**
	 * Validates the settings.
	 */
	public RateLimitSettings {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative");
		}
		if (globalRequestsPerSecond < 1) {
			throw new IllegalArgumentException("globalRequestsPerSecond must be at least 1");
		}
	}

}
