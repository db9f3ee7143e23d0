package io.github.discordgateway.sharding;

import java.util.List;

/**
 * Decides which shards this process runs, once the bootstrap knows the shard count: a fixed set, or shards
 * claimed at runtime from what other processes leave free (starting and stopping them with
 * {@link ShardManager#startShard} and {@link ShardManager#stopShard}).
 *
 * @since 0.1.0
 */
public interface ShardOwnership {

	/**
	 * Starts running shards; called when the manager starts (again) with the shard count known. Returns at once.
	 * @param shardCount the number of shards the bot runs across all processes
	 * @param shards the manager to start and stop shards on
	 */
	void start(int shardCount, ShardManager shards);

	/**
	 * Stops claiming shards; called once every local shard has stopped, so that what it held can be given up.
	 */
	void stop();

	/**
	 * What keeps this process from running its share of the shards, or {@code null} if nothing.
	 */
	default String problem() {
		return null;
	}

	/**
	 * Why this process rightly runs no shard now, or {@code null}: other processes hold every shard it could
	 * claim, and it stands by to take over those they give up. A process on standby is healthy.
	 */
	default String standby() {
		return null;
	}

	/**
	 * Runs these shards, or every shard when the list is empty.
	 */
	static ShardOwnership fixed(List<Integer> shardIds) {
		List<Integer> ids = List.copyOf(shardIds);
		return new ShardOwnership() {

			@Override
			public void start(int shardCount, ShardManager shards) {
				if (ids.isEmpty()) {
					for (int id = 0; id < shardCount; id++) {
						shards.startShard(id);
					}
				}
				else {
					ids.forEach(shards::startShard);
				}
			}

			@Override
			public void stop() {
			}

		};
	}

}
