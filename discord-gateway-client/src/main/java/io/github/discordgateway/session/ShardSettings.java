package io.github.discordgateway.session;

/**
 * How a shard identifies and behaves.
 *
 * @param shardId this shard's id, from 0
 * @param shardCount the number of shards the bot runs
 * @param identify what Identify says
 * @param connection how the shard connects and reconnects
 * @param delivery how dispatches reach the listener
 * @param watchdog what a session that ACKs heartbeats but brings no dispatch counts as, and whether it resumes
 */
public record ShardSettings(int shardId, int shardCount, IdentifySettings identify, ConnectionSettings connection,
		DeliverySettings delivery, DispatchWatchdog watchdog) {

	/**
	 * These settings for another shard.
	 */
	public ShardSettings forShard(int id, int count) {
		return new ShardSettings(id, count, this.identify, this.connection, this.delivery, this.watchdog);
	}

	/**
	 * These settings with other connection settings.
	 */
	public ShardSettings with(ConnectionSettings connection) {
		return new ShardSettings(this.shardId, this.shardCount, this.identify, connection, this.delivery,
				this.watchdog);
	}

	/**
	 * These settings with other delivery settings.
	 */
	public ShardSettings with(DeliverySettings delivery) {
		return new ShardSettings(this.shardId, this.shardCount, this.identify, this.connection, delivery,
				this.watchdog);
	}

	/**
	 * These settings with another dispatch watchdog.
	 */
	public ShardSettings with(DispatchWatchdog watchdog) {
		return new ShardSettings(this.shardId, this.shardCount, this.identify, this.connection, this.delivery,
				watchdog);
	}

	@Override
	public String toString() {
		return "ShardSettings[shard=" + this.shardId + "/" + this.shardCount + ", " + this.identify + "]";
	}

}
