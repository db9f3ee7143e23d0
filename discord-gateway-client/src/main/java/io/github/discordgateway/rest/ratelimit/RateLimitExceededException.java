package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

import org.springframework.web.client.RestClientException;

/**
 * Discord kept answering 429 Too Many Requests after the rate limiter waited and retried as often as it may.
 */
public class RateLimitExceededException extends RestClientException {

	private final String route;

	private final String scope;

	private final Duration retryAfter;

	/**
	 * @param route the route template
	 * @param scope the scope of the last 429
	 * @param retryAfter the wait the last 429 asked for
	 * @param attempts how many times the request was sent
	 */
	public RateLimitExceededException(String route, String scope, Duration retryAfter, int attempts) {
		super("Discord rate limited " + route + " (scope " + scope + ") " + attempts + " time(s) in a row; gave up "
				+ "rather than wait another " + retryAfter.toMillis() + " ms. Send fewer requests to this route, or "
				+ "raise discord.rest.rate-limit.max-retries.");
		this.route = route;
		this.scope = scope;
		this.retryAfter = retryAfter;
	}

	/**
	 * @return the route template, e.g. {@code POST /channels/{channel_id}/messages}
	 */
	public String getRoute() {
		return this.route;
	}

	/**
	 * @return {@code user}, {@code global} or {@code shared}
	 */
	public String getScope() {
		return this.scope;
	}

	/**
	 * @return the wait the last 429 asked for
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
