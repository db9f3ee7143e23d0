package io.github.discordgateway.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.discordgateway.session.ShardStatus;
import io.github.discordgateway.session.StuckListener;
import io.github.discordgateway.sharding.ShardManager;

/**
 * UP once every shard this process runs has a live session and no listener is stuck; DOWN otherwise. Details:
 * each shard's state and, when it is not ready, why, and the event a stuck listener is busy with since when;
 * whether all are ready; what holds identifies back (the daily session start budget, an unreachable Redis) and
 * what keeps this process from running its share of the shards.
 *
 * @since 0.1.0
 */
public class DiscordGatewayHealthIndicator extends AbstractHealthIndicator {

	private final ShardManager shardManager;

	public DiscordGatewayHealthIndicator(ShardManager shardManager) {
		super("Discord gateway health check failed");
		this.shardManager = shardManager;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		String problem = this.shardManager.bootstrapProblem();
		if (problem != null) {
			builder.down().withDetail("reason", problem);
			return;
		}
		Map<String, Object> shards = new LinkedHashMap<>();
		boolean healthy = true;
		for (ShardStatus status : this.shardManager.statuses()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("state", status.state().name());
			if (!status.isReady() && status.reason() != null) {
				detail.put("reason", status.reason());
			}
			if (status.lastCloseCode() != null) {
				detail.put("lastCloseCode", status.lastCloseCode());
			}
			StuckListener stuck = status.stuckListener();
			if (stuck != null) {
				detail.put("stuckListener", Map.of("event", stuck.event(), "sequence", stuck.sequence(), "since",
						stuck.since().toString()));
			}
			healthy &= status.isHealthy();
			shards.put(String.valueOf(status.shardId()), detail);
		}
		boolean ready = this.shardManager.isReady();
		(ready && healthy ? builder.up() : builder.down()).withDetail("shards", shards).withDetail("allShardsReady", ready);
		String identifyHold = this.shardManager.identifyHold();
		if (identifyHold != null) {
			builder.withDetail("identify", identifyHold);
		}
		String ownershipProblem = this.shardManager.ownershipProblem();
		if (ownershipProblem != null) {
			builder.withDetail("coordination", ownershipProblem);
		}
	}

}
