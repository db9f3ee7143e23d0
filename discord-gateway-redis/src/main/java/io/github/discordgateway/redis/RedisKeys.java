package io.github.discordgateway.redis;

/**
 * The names of a bot's keys in Redis (coordination and sessions), all under one prefix of its own, so that bots
 * sharing a Redis server never meet.
 * <p>
 * The scripts that take an identify turn or write a session fenced by its lease touch two keys at once; on a Redis
 * Cluster both must live in one hash slot. {@link #forBot} therefore puts the bot key in a hash tag
 * ({@code {...}}), so every key of one bot hashes to the same slot and different bots spread over the cluster.
 *
 * @param prefix the start of every key, e.g. <code>discord-gateway:{&lt;bot key&gt;}</code>
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

	/**
	 * The keys of one bot: the prefix, then the bot's {@link BotKey} as the hash tag of every key.
	 * @param prefix what every key of this library starts with, e.g. {@code discord-gateway}
	 * @param bot the bot
	 */
	public static RedisKeys forBot(String prefix, BotKey bot) {
		return new RedisKeys(prefix + ":{" + bot.value() + "}");
	}

	/** The hash that holds a shard's resumable session. */
	public String session(int shardId) {
		return this.prefix + ":session:" + shardId;
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
