package io.github.discordgateway.session;

import java.time.Duration;

/**
 * Decides when a shard may send Identify. Discord allows {@code max_concurrency} identifies per 5 seconds (one
 * per bucket {@code shard_id % max_concurrency}) and a daily budget of session starts; exceeding the first gets
 * op 9, exhausting the second resets the bot token. Resumes are not limited.
 */
@FunctionalInterface
public interface IdentifyLimiter {

	/** No limit: for tests that identify once. */
	IdentifyLimiter NONE = (shardId) -> Duration.ZERO;

	/**
	 * Reserves the shard's next Identify.
	 * @return how long the shard must wait before sending it
	 */
	Duration reserve(int shardId);

}
