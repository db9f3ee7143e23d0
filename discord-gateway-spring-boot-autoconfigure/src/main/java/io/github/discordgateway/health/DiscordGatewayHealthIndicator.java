package io.github.discordgateway.health;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import io.github.discordgateway.session.Shard;
import io.github.discordgateway.session.StuckListener;
import io.github.discordgateway.sharding.ShardManager;

/**
 * UP once every shard of this process is ready and its connection alive; DOWN otherwise. A ready shard is not
 * UP when its heartbeats go unacknowledged for two intervals (the bot's threads may be blocked, or the connection
 * dead), with the dispatch watchdog on, when it is "connected but deaf", or while its listener is stuck on one
 * event. Each shard's details are a {@link ShardHealth}, with the stuck listener's event and since when; the
 * indicator adds whether all are ready, how many shards this process runs, what holds identifies back (the daily
 * session start budget, an unreachable Redis) and what keeps this process from its share of the shards.
 * <p>
 * A process that runs no shard because other processes hold them all (shard leases on Redis) is UP, on standby:
 * its {@code standby} detail says so.
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
		boolean allHealthy = true;
		for (Shard shard : this.shardManager.shards()) {
			ShardHealth health = ShardHealth.of(shard);
			StuckListener stuck = shard.status().stuckListener();
			allHealthy &= health.healthy() && stuck == null;
			Map<String, Object> details = health.toDetails();
			if (stuck != null) {
				details.put("status", "DOWN");
				details.put("stuckListener", Map.of("event", String.valueOf(stuck.event()), "sequence",
						stuck.sequence(), "since", stuck.since().toString()));
			}
			shards.put(String.valueOf(health.shard()), details);
		}
		boolean ready = this.shardManager.isReady();
		String standby = shards.isEmpty() ? this.shardManager.standby() : null;
		((allHealthy && ready) || standby != null ? builder.up() : builder.down()).withDetail("shards", shards)
			.withDetail("allShardsReady", ready)
			.withDetail("shardsRunning", shards.size());
		if (standby != null) {
			builder.withDetail("standby", standby);
		}
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
