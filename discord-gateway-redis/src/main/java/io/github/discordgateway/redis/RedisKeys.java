package io.github.discordgateway.redis;

/**
 * The names of a bot's coordination keys in Redis, all under one prefix (one per bot sharing a Redis server).
 *
 * @param prefix the start of every key, e.g. {@code discord-gateway:my-bot}
 */
public record RedisKeys(String prefix) {

	/**
	 * Validates the prefix.
	 */
	public RedisKeys {
		if (prefix == null || prefix.isBlank()) {
			throw new IllegalArgumentException("The Redis key prefix must not be blank");
		}
	}

	/** Set for one identify window when a shard of the bucket identifies. */
	public String identifyBucket(int bucket) {
		return this.prefix + ":identify:" + bucket;
	}

	/** The session starts the bot has left until Discord resets the budget. */
	public String sessionStartBudget() {
		return this.prefix + ":session-starts";
	}

	/** Holds the id of the process that runs the shard, for as long as its lease lasts. */
	public String shardLease(int shardId) {
		return this.prefix + ":shard:" + shardId;
	}

}
