package io.github.discordgateway.autoconfigure;

import io.github.discordgateway.rest.ratelimit.RateLimitSettings;

/**
 * The REST rate limiter's settings from {@code discord.rest.rate-limit.*}, refused by property name when they
 * cannot work.
 */
final class RestRateLimitProperties {

	private RestRateLimitProperties() {
	}

	static RateLimitSettings settings(DiscordProperties.RateLimit rateLimit) {
		if (rateLimit.getMaxRetries() < 0) {
			throw new IllegalArgumentException("Property discord.rest.rate-limit.max-retries with value '"
					+ rateLimit.getMaxRetries() + "' is invalid: it must be 0 or more");
		}
		if (rateLimit.getGlobalRequestsPerSecond() < 1) {
			throw new IllegalArgumentException("Property discord.rest.rate-limit.global-requests-per-second with value '"
					+ rateLimit.getGlobalRequestsPerSecond() + "' is invalid: it must be at least 1");
		}
		return new RateLimitSettings(rateLimit.getMaxRetries(), rateLimit.getGlobalRequestsPerSecond());
	}

}
