package io.github.discordgateway.sharding;

/**
 * Which shard carries a guild: {@code (guild_id >> 22) % shard_count}.
 */
public final class ShardRouter {

	private ShardRouter() {
	}

	/**
	 * @param guildId the guild's snowflake
	 * @param shardCount the bot's shard count
	 */
	public static int shardFor(long guildId, int shardCount) {
		return (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
	}

}
