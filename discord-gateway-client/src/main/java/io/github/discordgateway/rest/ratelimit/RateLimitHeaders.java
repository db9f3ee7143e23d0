package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

import org.springframework.http.HttpHeaders;

/**
 * The rate limit headers of one Discord response. Absent or unreadable headers read as {@code null} (or
 * {@code false}).
 *
 * @param bucket {@code X-RateLimit-Bucket}, the hash naming the bucket of the route
 * @param limit {@code X-RateLimit-Limit}
 * @param remaining {@code X-RateLimit-Remaining}
 * @param resetAfter {@code X-RateLimit-Reset-After}
 * @param global {@code X-RateLimit-Global: true}, a 429 of the bot's global limit
 * @param scope {@code X-RateLimit-Scope} of a 429: {@code user}, {@code global} or {@code shared}
 * @param retryAfter the {@code Retry-After} header (whole seconds)
 */
public record RateLimitHeaders(String bucket, Integer limit, Integer remaining, Duration resetAfter, boolean global,
		String scope, Duration retryAfter) {

	/**
	 * @param headers response headers
	 * @return what they say about rate limits
	 */
	public static RateLimitHeaders from(HttpHeaders headers) {
		return new RateLimitHeaders(headers.getFirst("X-RateLimit-Bucket"),
				integer(headers.getFirst("X-RateLimit-Limit")), integer(headers.getFirst("X-RateLimit-Remaining")),
				seconds(headers.getFirst("X-RateLimit-Reset-After")),
				"true".equalsIgnoreCase(headers.getFirst("X-RateLimit-Global")), headers.getFirst("X-RateLimit-Scope"),
				seconds(headers.getFirst(HttpHeaders.RETRY_AFTER)));
	}

	/**
	 * Whether the response told the state of its bucket.
	 * @return whether remaining and reset-after are both known
	 */
	public boolean describesBucket() {
		return this.remaining != null && this.resetAfter != null;
	}

	static Duration seconds(String value) {
		if (value == null) {
			return null;
		}
		try {
			double seconds = Double.parseDouble(value.strip());
			if (!(seconds >= 0) || Double.isInfinite(seconds)) {
				return null;
			}
			return Duration.ofNanos((long) Math.ceil(Math.min(seconds, 86_400) * 1_000_000_000d));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static Integer integer(String value) {
		if (value == null) {
			return null;
		}
		try {
			int parsed = Integer.parseInt(value.strip());
			return (parsed >= 0) ? parsed : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
