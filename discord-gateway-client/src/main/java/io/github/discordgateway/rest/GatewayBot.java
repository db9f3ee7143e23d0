package io.github.discordgateway.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The answer of {@code GET /gateway/bot}: where to connect and how many sessions the bot may start.
 *
 * @param url the gateway URL (bare)
 * @param shards the recommended shard count
 * @param sessionStartLimit the identify budget
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayBot(String url, int shards, SessionStartLimit sessionStartLimit) {

	/**
	 * How many sessions the bot may start.
	 *
	 * @param total session starts allowed per window (normally 1000 a day)
	 * @param remaining starts left in the current window
	 * @param resetAfter milliseconds until the window resets
	 * @param maxConcurrency identifies allowed per 5 seconds, one per bucket {@code shard_id % max_concurrency}
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record SessionStartLimit(int total, int remaining, long resetAfter, int maxConcurrency) {
	}

}
