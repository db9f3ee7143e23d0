package io.github.discordgateway.autoconfigure;

import java.util.List;

import org.springframework.context.ApplicationEvent;

import io.github.discordgateway.sharding.ShardManager;

/**
 * Published when every shard this process runs has a live session (READY or RESUMED), and again each time they all
 * are after one was not.
 *
 * @since 0.1.0
 */
public class DiscordShardsReadyEvent extends ApplicationEvent {

	private final List<Integer> shardIds;

	private final int shardCount;

	public DiscordShardsReadyEvent(ShardManager source, List<Integer> shardIds, int shardCount) {
		super(source);
		this.shardIds = List.copyOf(shardIds);
		this.shardCount = shardCount;
	}

	/**
	 * The shards this process runs, ascending.
	 */
	public List<Integer> getShardIds() {
		return this.shardIds;
	}

	/**
	 * The number of shards the bot runs across all its processes.
	 */
	public int getShardCount() {
		return this.shardCount;
	}

}
