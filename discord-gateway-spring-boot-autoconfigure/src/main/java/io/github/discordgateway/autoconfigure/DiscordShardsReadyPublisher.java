package io.github.discordgateway.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

import io.github.discordgateway.session.GatewayObserver;
import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.sharding.ShardManager;

/**
 * Publishes a {@link DiscordShardsReadyEvent} when the last of this process's shards becomes ready. Runs on the
 * client's callback executor, where status changes arrive in order.
 */
final class DiscordShardsReadyPublisher implements GatewayObserver {

	private final ObjectProvider<ShardManager> shardManager;

	private final ApplicationEventPublisher publisher;

	private boolean allReady;

	DiscordShardsReadyPublisher(ObjectProvider<ShardManager> shardManager, ApplicationEventPublisher publisher) {
		this.shardManager = shardManager;
		this.publisher = publisher;
	}

	@Override
	public void statusChanged(ShardStatus status) {
		ShardManager shards = this.shardManager.getIfAvailable();
		boolean ready = shards != null && shards.isReady();
		if (ready && !this.allReady) {
			this.publisher.publishEvent(new DiscordShardsReadyEvent(shards, shards.shardIds(), shards.shardCount()));
		}
		this.allReady = ready;
	}

}
