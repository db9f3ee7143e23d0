package io.github.discordgateway.rest.ratelimit;

import java.time.Duration;

/**
 * Hears what the REST rate limiter does, for meters. Called on the requesting thread; implementations must be
 * quick and must not throw.
 */
public interface RateLimitObserver {

	/** An observer that does nothing. */
	RateLimitObserver NONE = new RateLimitObserver() {
	};

	/**
	 * A response arrived (each attempt, 429s included).
	 * @param route the route template, e.g. {@code POST /channels/{channel_id}/messages}
	 * @param status the HTTP status
	 */
	default void responseReceived(String route, int status) {
	}

	/**
	 * Discord answered 429.
	 * @param route the route template
	 * @param scope {@code user}, {@code global} or {@code shared} ({@code user} when Discord did not say)
	 */
	default void rateLimited(String route, String scope) {
	}

	/**
	 * A request waited for its bucket or the global limit before it was sent.
	 * @param route the route template
	 * @param waited how long it waited in all
	 */
	default void waited(String route, Duration waited) {
	}

}
